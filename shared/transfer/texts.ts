// UI texts of the USB transfer (export a batch file, import a file or a receipt).
export const transferZhCN = {
  transfer: {
    title: 'U 盘传送',
    hint: '没有网络时：把待上报的记录导出为加密文件，用 U 盘带到乡镇或县级导入；再把对方生成的回执带回本站导入，批次即标为已送达。',
    countySide:
      '县级（或乡镇）导入文件时先核对：文件须由本县密钥加密、带有来源站点本身的签名（与县级为该站点公布的签名公钥相符）且未被改动，否则整份拒收、一条也不导入。核对无误后，文件中的记录作为一个“U 盘”上报批次进入县级审核，并生成回执。县级逐条通过或退回；审核结果在本站联网同步后显示。',
    setupCodeEnough: '本站还没有连接县级：在下方粘贴县级发给本站的设置码即可导出上报文件，不需要联网。',
    setupCodeAskAdmin: '本站还没有连接县级：请管理员粘贴县级发给本站的设置码，之后即可导出上报文件，不需要联网。',
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
      nextSync: '这些记录随本机下一次同步（联网时几秒内自动进行）送到县级服务器，随后作为“U 盘”批次出现在县级审核列表中。',
      receiptDownload: '下载回执',
    },
    receipt: {
      title: '回执已导入',
      delivered: '{{at}} 导出的 {{count}} 条记录已送达{{place}}',
      received: '接收时间：{{at}} · 接收人：{{by}}',
      again: '此回执之前已导入过。',
    },
  },
};

/** The `errors.*` messages of this domain (merged under `errors` in ../i18n/resources.zh-CN.ts; English: ../i18n/resources.en.ts). */
export const transferErrorsZhCN = {
  transfer: {
    empty: '文件是空的',
    tooLarge: '文件太大',
    notLeyeFile: '这不是乐业驿站的上报文件或回执',
    truncated: '文件不完整（可能没有拷贝完），一条也没有导入',
    tampered: '文件已被改动或损坏，一条也没有导入',
    wrongCounty: '此文件属于另一个县（{{county}}），一条也没有导入',
    otherKey: '此文件用县级的另一把密钥加密（县里可能换过密钥，请重新用设置码连接），一条也没有导入',
    noCountyKey: '本站还没有县级下发的密钥：请在下方粘贴县级设置码（不需要联网）',
    nothingWaiting: '没有待上报的记录',
    notInArea: '此批次来自 {{place}}，不在本机的管辖范围内',
    notForThisStation: '此回执属于另一个站点（{{place}}）',
    unknownBatch: '本站没有此回执对应的批次',
    invalidRecord: '文件中有一条{{recordType}}记录不合规（{{recordField}}），一条也没有导入',
    unsigned: '此文件没有{{place}}的签名（可能由旧版本导出，请在该站点更新后重新导出），一条也没有导入',
    unknownSigner: '本机还没有县级公布的{{place}}签名公钥：请先联网同步一次再导入；若仍如此，请联系县级。一条也没有导入',
    badSignature: '此文件的签名与县级为{{place}}公布的签名公钥不符：不是该站点导出的，或导出后被改动过。一条也没有导入',
    signingKeyRefused: '县级为本站公布的签名公钥与本机的不同，本机导出的文件会被拒收：请联系县级核对本站的签名公钥',
  },
};
