// UI texts of the USB transfer (export a batch file, import a file or a receipt).
export const transferZhCN = {
  transfer: {
    title: 'U 盘传送',
    hint: '没有网络时：把待上报的记录导出为加密文件，用 U 盘带到乡镇或县级导入；再把对方生成的回执带回本站导入，批次即标为已送达。',
    export: '导出上报文件',
    exported: '已导出 {{count}} 条记录：{{fileName}}',
    import: '导入文件或回执',
    importing: '正在导入 {{fileName}}…',
    readFailed: '无法读取文件 {{fileName}}',
    batch: {
      title: '已导入上报文件',
      station: '站点',
      documents: '文件中的记录',
      imported: '本次新导入',
      again: '此文件之前已导入过，这次没有新增记录。',
      receiptHint: '请把回执带回该站点导入，站点的批次即标为已送达。',
      receiptDownload: '下载回执',
    },
    receipt: {
      title: '回执已导入',
      delivered: '批次 {{batch}} 已送达',
      receivedAt: '接收时间',
      receivedBy: '接收人',
      again: '此回执之前已导入过。',
    },
  },
};

export const transferEn: typeof transferZhCN = {
  transfer: {
    title: 'USB transfer',
    hint: 'No network: export the waiting records as an encrypted file, carry it on a USB stick to the township or county and import it there; then import the receipt they give back here, and the batch shows as delivered.',
    export: 'Export the batch file',
    exported: '{{count}} records exported: {{fileName}}',
    import: 'Import a file or receipt',
    importing: 'Importing {{fileName}}…',
    readFailed: 'Could not read the file {{fileName}}',
    batch: {
      title: 'Batch file imported',
      station: 'Station',
      documents: 'Records in the file',
      imported: 'New here',
      again: 'This file was imported before; nothing new this time.',
      receiptHint: 'Carry the receipt back to the station and import it there: its batch then shows as delivered.',
      receiptDownload: 'Download the receipt',
    },
    receipt: {
      title: 'Receipt imported',
      delivered: 'Batch {{batch}} delivered',
      receivedAt: 'Received',
      receivedBy: 'By',
      again: 'This receipt was imported before.',
    },
  },
};
