// USB transfer without a server: a village exports, a township imports into its relay copy and
// hands back a receipt; damaged, foreign and misdirected files are refused whole.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TransferFileView } from '../../../shared/rpc/handlers';
import { idNumber, refusal, registration, tempDir, VILLAGE } from '../testing/fixtures';
import {
  COUNTY,
  FAR_VILLAGE,
  OTHER_COUNTY_TOWNSHIP,
  OTHER_VILLAGE,
  SECRET,
  TOWNSHIP,
  bytes,
  closeStation,
  decrypt,
  flip,
  importFile,
  localState,
  reheader,
  relay,
  relayState,
  seal,
  split,
  station,
  withBytes,
} from './testStations';

async function exportedVillage(place = VILLAGE) {
  const village = await station(place);
  const resident = await village.core.call(village.session, 'residents.register', registration());
  const other = await village.core.call(village.session, 'residents.register', registration({ idNumber: idNumber('19850101', '222'), name: '李四' }));
  const file = await village.core.call(village.session, 'transfer.export', {});
  return { village, file, resident, other };
}

describe('USB transfer', () => {
  it('carries a batch village → township and a receipt back; importing either twice changes nothing', async () => {
    const { village, file, resident } = await exportedVillage();
    const waiting = (await village.core.call(village.session, 'sync.status', {})).waiting;
    // the 2 residents; the station entry and the export's own audit entry travel uncounted (the shipped policy defaults stay here)
    expect(waiting).toBe(2);
    expect(file).toMatchObject({ documents: 4, fileName: expect.stringMatching(/^leye-370102001002-\d{8}-\d{4}\.leye$/) });

    // A lost stick leaks nothing but the header: no name, no ID number, not even compressed.
    const { header } = split(file);
    expect(header).toMatchObject({ kind: 'batch', county: COUNTY, place: VILLAGE, batchId: file.batchId, documents: 4 });
    for (const secret of ['张三', '李四', idNumber('19900520'), '13812345678', '解放桥东街']) {
      expect(bytes(file).includes(Buffer.from(secret))).toBe(false);
    }
    // The station lists the file batch as waiting for its receipt.
    const [batch] = await village.core.call(village.session, 'sync.batches', {});
    expect(batch).toMatchObject({ id: file.batchId, via: 'file', status: 'pending', documents: 4, counts: { station: 1, resident: 2, audit: 1 } });

    const township = await station(TOWNSHIP);
    const first = await importFile(township, file);
    expect(first).toMatchObject({ kind: 'batch', batchId: file.batchId, placeCode: VILLAGE, stationName: '解放桥社区居民委员会', documents: 4, imported: 4 });
    // The relay holds exactly the village's revisions, with their history, and the manifest.
    const villageDocs = await village.core.db.allDocs();
    const relayed = relay(township, VILLAGE);
    for (const row of villageDocs.rows.filter((r) => !r.id.startsWith('_') && !r.id.startsWith('policy:'))) {
      const doc = await relayed.get<object>(row.id, { revs: true });
      expect(doc._rev, row.id).toBe(row.value.rev);
    }
    expect((await relayed.get<{ name: string }>(resident.id)).name).toBe('张三');
    // Who exported the file travels in it, for the county's copy of the audit log.
    const exportAudit = (await relayed.allDocs<{ action: string; targetId: string; createdBy: string }>({ include_docs: true, startkey: 'audit:', endkey: 'audit:\ufff0' })).rows;
    expect(exportAudit.map((r) => r.doc)).toEqual([expect.objectContaining({ action: 'export', targetId: file.batchId, createdBy: 'wangli' })]);
    // The township logs the import of the villagers' records; a second import writes nothing.
    const importAudit = async () =>
      (await township.core.db.allDocs<{ action: string; targetId: string }>({ include_docs: true, startkey: 'audit:', endkey: 'audit:\ufff0' })).rows.map((r) => r.doc);
    expect(await importAudit()).toEqual([expect.objectContaining({ action: 'import', targetId: file.batchId, field: 'usb 4 new 4', reason: VILLAGE })]);
    const before = await relayState(township, VILLAGE);
    expect(before.rows).toHaveLength(5);

    // Twice: same counts, nothing new, a receipt again.
    const second = await importFile(township, file);
    expect(second).toMatchObject({ kind: 'batch', batchId: file.batchId, documents: 4, imported: 0 });
    expect(await relayState(township, VILLAGE)).toEqual(before);
    expect(await importAudit()).toHaveLength(1);
    if (first.kind !== 'batch' || second.kind !== 'batch') throw new Error('expected batch imports');
    expect(split(first.receipt).header).toMatchObject({ kind: 'receipt', place: VILLAGE, batchId: file.batchId, documents: 4 });

    // Back at the village: the batch is delivered and nothing waits.
    const receipt = await importFile(village, first.receipt);
    // The clerk recognises the batch by its export time, its size and where it went, not by its id.
    const exported = (await village.core.call(village.session, 'sync.batches', {})).find((b) => b.id === file.batchId)!;
    expect(receipt).toMatchObject({ kind: 'receipt', batchId: file.batchId, exportedAt: exported.createdAt, documents: 4, receivedAtPlace: TOWNSHIP, receivedBy: '王丽', alreadyHad: false });
    expect((await village.core.call(village.session, 'sync.batches', {}))[0]).toMatchObject({ id: file.batchId, status: 'delivered' });
    expect((await village.core.call(village.session, 'sync.status', {})).waiting).toBe(0);
    expect((await refusal(village.core.call(village.session, 'transfer.export', {}))).messageKey).toBe('errors.transfer.nothingWaiting');
    const afterReceipt = await localState(village);
    // Twice (the second receipt too): nothing changes.
    expect(await importFile(village, first.receipt)).toMatchObject({ kind: 'receipt', alreadyHad: true, receivedAt: (receipt as { receivedAt: string }).receivedAt });
    expect(await importFile(village, second.receipt)).toMatchObject({ kind: 'receipt', alreadyHad: true });
    expect(await localState(village)).toEqual(afterReceipt);

    // A changed record waits again and goes in the next file alone.
    const { idNumber: _omit, ...edit } = registration({ phone: '13900000000' });
    await village.core.call(village.session, 'residents.update', { ...edit, id: resident.id, rev: resident.rev });
    expect((await village.core.call(village.session, 'sync.status', {})).waiting).toBe(1);
    const next = await village.core.call(village.session, 'transfer.export', {});
    expect(next.documents).toBe(2); // the record and this export's audit entry
    expect(await importFile(township, next)).toMatchObject({ documents: 2, imported: 2 });
  });

  it('keeps receipts across restarts', async () => {
    const dataDir = tempDir();
    const village = await station(VILLAGE, SECRET, dataDir);
    const file = await village.core.call(village.session, 'transfer.export', {});
    const township = await station(TOWNSHIP);
    const imported = await importFile(township, file);
    if (imported.kind !== 'batch') throw new Error('expected a batch import');
    await importFile(village, imported.receipt);
    await closeStation(village);

    const again = await station(VILLAGE, null, dataDir);
    expect((await again.core.call(again.session, 'sync.status', {})).waiting).toBe(0);
    expect((await again.core.call(again.session, 'sync.batches', {}))[0]).toMatchObject({ id: file.batchId, status: 'delivered' });
    expect(await importFile(again, imported.receipt)).toMatchObject({ alreadyHad: true });
  });

  it('refuses a truncated, tampered or foreign file whole, and leaves the relay as it was', async () => {
    const { village, file: first, resident } = await exportedVillage();
    const township = await station(TOWNSHIP);
    await importFile(township, first);
    // A second file, on top of what the relay already holds (no receipt came back, so it carries
    // all three again, one of them changed, with the first export's audit entry and its own).
    const { idNumber: _omit, ...edit } = registration({ address: '解放桥东街 14 号' });
    await village.core.call(village.session, 'residents.update', { ...edit, id: resident.id, rev: resident.rev });
    const file = await village.core.call(village.session, 'transfer.export', {});
    const before = await relayState(township, VILLAGE);
    expect(before.rows).toHaveLength(5);
    const b = bytes(file);
    const headerEnd = b.indexOf(0x0a) + 1;
    const expectRefused = async (f: TransferFileView, key: string) => {
      const error = await refusal(importFile(township, f));
      expect(error, key).toMatchObject({ code: 'VALIDATION', field: 'content', messageKey: `errors.transfer.${key}` });
    };

    // Cut anywhere: in the magic, in the header, right after it, in the payload, one byte short.
    for (const at of [3, 20, headerEnd - 1, headerEnd, headerEnd + 10, Math.floor(b.length / 2), b.length - 17, b.length - 1]) {
      await expectRefused(withBytes(file, b.subarray(0, at)), 'truncated');
    }
    // Changed: a byte of the header, of the ciphertext, of the tag; bytes appended.
    await expectRefused(flip(file, 30), 'tampered');
    await expectRefused(flip(file, headerEnd + 5), 'tampered');
    await expectRefused(flip(file, b.length - 1), 'tampered');
    await expectRefused(withBytes(file, Buffer.concat([b, Buffer.from('x')])), 'tampered');
    // A header rewritten consistently (without the key) no longer matches the encryption.
    await expectRefused(reheader(file, { documents: 2 }), 'tampered');
    await expectRefused(reheader(file, { createdAt: '2020-01-01T00:00:00.000Z' }), 'tampered');
    // Not ours at all.
    await expectRefused(withBytes(file, Buffer.from('PK\u0003\u0004 a zip file')), 'notLeyeFile');
    await expectRefused(withBytes(file, Buffer.from([0])), 'notLeyeFile');

    // Sealed with the key but inconsistent inside: a record of another place, a record missing
    // from the manifest's list, a revision that is not the head of its history.
    const content = decrypt(file);
    const other = { ...content, docs: content.docs.map((d, i) => (i === 0 ? { ...d, placeCode: FAR_VILLAGE } : d)) };
    await expectRefused(seal(file, other), 'tampered');
    await expectRefused(seal(file, { ...content, docs: content.docs.slice(1) }), 'tampered');
    const rev = { ...content, docs: content.docs.map((d, i) => (i === 0 ? { ...d, _rev: '9-abc' } : d)) };
    await expectRefused(seal(file, rev), 'tampered');
    const design = { ...content, docs: content.docs.map((d, i) => (i === 0 ? { ...d, _id: '_design/x' } : d)) };
    await expectRefused(seal(file, design), 'tampered');
    // Sealed with the key and consistent, but a record no form would write (a station on a broken
    // version, or someone holding the key): refused whole, naming the record's kind and field.
    const residentAt = content.docs.findIndex((d) => String(d._id).startsWith('resident:'));
    const markup = { ...content, docs: content.docs.map((d, i) => (i === residentAt ? { ...d, name: '<img src=x onerror=alert(1)>' } : d)) };
    const error = await refusal(importFile(township, seal(file, markup)));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'content', messageKey: 'errors.transfer.invalidRecord', params: { recordType: 'resident', recordField: 'name' } });
    const stamp = { ...content, docs: content.docs.map((d, i) => (i === residentAt ? { ...d, updatedAt: 'yesterday' } : d)) };
    expect(await refusal(importFile(township, seal(file, stamp)))).toMatchObject({ messageKey: 'errors.transfer.invalidRecord', params: { recordField: 'updatedAt' } });
    expect(await relayState(township, VILLAGE)).toEqual(before);
    // The untouched content sealed again goes in: the checks above refused the change, not the sealing.
    expect(await importFile(township, seal(file, content))).toMatchObject({ documents: 5, imported: 2 });
    expect((await relay(township, VILLAGE).get<{ address: string }>(resident.id)).address).toBe('解放桥东街 14 号');
  });

  it('names a file of another county or key, and a station outside the area, before opening it', async () => {
    const { village, file } = await exportedVillage();

    const otherCounty = await station(OTHER_COUNTY_TOWNSHIP, randomBytes(32).toString('base64'));
    expect(await refusal(importFile(otherCounty, file))).toMatchObject({ field: 'content', messageKey: 'errors.transfer.wrongCounty', params: { county: '历下区 370102' } });
    expect((await relayState(otherCounty, VILLAGE)).rows).toEqual([]);

    // Same county, a secret issued again: the key does not fit.
    const rekeyed = await station(TOWNSHIP, randomBytes(32).toString('base64'));
    expect(await refusal(importFile(rekeyed, file))).toMatchObject({ messageKey: 'errors.transfer.otherKey' });
    expect((await relayState(rekeyed, VILLAGE)).rows).toEqual([]);

    const keyless = await station(TOWNSHIP, null);
    expect(await refusal(importFile(keyless, file))).toMatchObject({ messageKey: 'errors.transfer.noCountyKey' });
    expect(await refusal(keyless.core.call(keyless.session, 'transfer.export', {}))).toMatchObject({ messageKey: 'errors.transfer.noCountyKey' });

    // A township takes only its own villages' files; a village takes none (not even its own).
    const far = await station(FAR_VILLAGE);
    const farFile = await far.core.call(far.session, 'transfer.export', {});
    const township = await station(TOWNSHIP);
    expect(await refusal(importFile(township, farFile))).toMatchObject({ messageKey: 'errors.transfer.notInArea', params: { place: expect.stringContaining(FAR_VILLAGE) } });
    expect((await relayState(township, FAR_VILLAGE)).rows).toEqual([]);
    expect(await refusal(importFile(village, file))).toMatchObject({ messageKey: 'errors.transfer.notInArea' });
    const neighbour = await station(OTHER_VILLAGE);
    expect(await refusal(importFile(neighbour, file))).toMatchObject({ messageKey: 'errors.transfer.notInArea' });

    // The county machine takes any station of the county.
    const county = await station(COUNTY);
    expect(await importFile(county, farFile)).toMatchObject({ kind: 'batch', placeCode: FAR_VILLAGE, imported: farFile.documents });
  });

  it('takes a receipt only at its own station, for a batch it made, and unaltered', async () => {
    const { village, file } = await exportedVillage();
    const township = await station(TOWNSHIP);
    const imported = await importFile(township, file);
    if (imported.kind !== 'batch') throw new Error('expected a batch import');
    const receipt = imported.receipt;
    const villageBefore = await localState(village);

    const neighbour = await station(OTHER_VILLAGE);
    const neighbourBefore = await localState(neighbour);
    expect(await refusal(importFile(neighbour, receipt))).toMatchObject({ field: 'content', messageKey: 'errors.transfer.notForThisStation', params: { place: expect.stringContaining(VILLAGE) } });
    expect(await localState(neighbour)).toEqual(neighbourBefore);
    expect(await refusal(importFile(township, receipt))).toMatchObject({ messageKey: 'errors.transfer.notForThisStation' });

    // The same place set up again on another machine: it never made this batch.
    const reinstalled = await station(VILLAGE);
    expect(await refusal(importFile(reinstalled, receipt))).toMatchObject({ messageKey: 'errors.transfer.unknownBatch' });
    expect((await reinstalled.core.call(reinstalled.session, 'sync.batches', {})).every((b) => b.status === 'pending')).toBe(true);

    const r = bytes(receipt);
    const headerEnd = r.indexOf(0x0a) + 1;
    for (const at of [5, headerEnd - 2, headerEnd + 4, r.length - 1]) {
      expect((await refusal(importFile(village, withBytes(receipt, r.subarray(0, at))))).messageKey).toBe('errors.transfer.truncated');
    }
    expect((await refusal(importFile(village, flip(receipt, 25)))).messageKey).toBe('errors.transfer.tampered');
    expect((await refusal(importFile(village, flip(receipt, headerEnd + 12)))).messageKey).toBe('errors.transfer.tampered');
    expect((await refusal(importFile(village, flip(receipt, r.length - 3)))).messageKey).toBe('errors.transfer.tampered');
    expect((await refusal(importFile(village, reheader(receipt, { documents: 1 })))).messageKey).toBe('errors.transfer.tampered');
    expect(await localState(village)).toEqual(villageBefore);
    expect((await village.core.call(village.session, 'sync.status', {})).waiting).toBe(2);

    expect(await importFile(village, receipt)).toMatchObject({ kind: 'receipt', alreadyHad: false });
  });
});
