// Design documents the county server holds: validate_doc_update functions for station databases,
// county_ref and the aggregate, and the statistics views of the aggregate. Every function is a
// self-contained ES5 string (CouchDB 3 runs SpiderMonkey; no imports, no let/const, no arrows),
// with the place codes baked in as literals. Which type each account may write comes from the
// one document registry (shared/documents), baked in as JSON literals too.
import { EMPLOYED_STATUSES } from '../shared/employment/schema';
import { APPEND_ONLY_TYPES, COUNTY_ONLY_TYPES, LOCKED_TYPES, PLACED_IDS, REF_TYPES, STATION_TYPES } from '../shared/documents/registry';

export const roles = {
  station: (code: string) => `station:${code}`,
  township: (code: string) => `township:${code}`,
  county: (code: string) => `county:${code}`,
  countyAdmin: (code: string) => `county_admin:${code}`,
  countyStaff: 'county_staff',
};

// Shared ES5 helpers pasted into each function (no imports in a validate_doc_update).
const HELPERS = `
  var roles = (userCtx && userCtx.roles) || [];
  function has(r) { return roles.indexOf(r) !== -1; }
  function isDbAdmin() {
    var a = (secObj && secObj.admins) || {};
    var names = a.names || [], rs = a.roles || [];
    if (userCtx && userCtx.name && names.indexOf(userCtx.name) !== -1) return true;
    for (var i = 0; i < rs.length; i++) if (has(rs[i])) return true;
    return false;
  }
  function forbid(msg) { throw({ forbidden: msg }); }
  function within(code, area) {
    return typeof code === 'string' && /^[0-9]{6,12}$/.test(code) && code.indexOf(area) === 0;
  }
  function checkShape(doc) {
    var req = ['type', 'schemaVersion', 'placeCode', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt'];
    for (var i = 0; i < req.length; i++) {
      var v = doc[req[i]];
      if (v === undefined || v === null || v === '') forbid('missing field: ' + req[i]);
    }
    if (typeof doc.type !== 'string') forbid('type must be a string');
    if (typeof doc.schemaVersion !== 'number' || doc.schemaVersion < 1 || Math.floor(doc.schemaVersion) !== doc.schemaVersion) forbid('schemaVersion must be a positive integer');
    if (typeof doc.placeCode !== 'string' || !/^[0-9]{6,12}$/.test(doc.placeCode)) forbid('placeCode must be a place code');
    if (typeof doc.createdBy !== 'string' || typeof doc.updatedBy !== 'string') forbid('createdBy/updatedBy must be strings');
    if (doc._id.indexOf(doc.type + ':') !== 0 || doc._id.length <= doc.type.length + 1) forbid('id ' + doc._id + ' does not match type ' + doc.type);
  }
  // The append-only types (the registry's appendOnly: the audit log, service records, employment
  // status entries) are so for every account, the county's too: an entry, once stored, is neither
  // changed nor deleted (the same content arriving again, as replication may, is no change).
  var APPEND_ONLY_TYPES = ${JSON.stringify(APPEND_ONLY_TYPES)};
  function sameContent(a, b) {
    var k;
    for (k in a) if (k !== '_rev' && k !== '_revisions' && JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
    for (k in b) if (k !== '_rev' && k !== '_revisions' && !(k in a)) return false;
    return true;
  }
  function appendOnly(newDoc, oldDoc) {
    if (!oldDoc || oldDoc._deleted || APPEND_ONLY_TYPES.indexOf(oldDoc.type) === -1) return;
    if (!newDoc._deleted && sameContent(newDoc, oldDoc)) return;
    forbid(oldDoc.type + ' entry ' + newDoc._id + ' is append-only and may not be changed or deleted');
  }
`;

// The place a station record's id carries (registry `placed`: group 1 of its id shape), or null
// for a legacy id, a resident's and other types'. Pasted into the station databases' function.
const ID_PLACE = `
  var PLACED_IDS = ${JSON.stringify(PLACED_IDS)};
  function idPlace(id) {
    var type = id.slice(0, id.indexOf(':'));
    var m = Object.prototype.hasOwnProperty.call(PLACED_IDS, type) ? new RegExp(PLACED_IDS[type]).exec(id) : null;
    return m && m[1] ? m[1] : null;
  }
`;

/**
 * validate_doc_update of `station_<code>`: who may write what into one station's database.
 * Server admins pass explicitly (CouchDB runs validation for admins too; PouchDB Server as well).
 */
export function stationValidate(station: string, county: string): string {
  const township = station.length === 12 ? station.slice(0, 9) : station;
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var STATION = ${JSON.stringify(station)}, TOWNSHIP = ${JSON.stringify(township)}, COUNTY = ${JSON.stringify(county)};
  var STATION_TYPES = ${JSON.stringify(STATION_TYPES)}, COUNTY_TYPES = ${JSON.stringify(COUNTY_ONLY_TYPES)};
  // A station's deletion would replicate into the aggregate: what the county wrote stays.
  var LOCKED_TYPES = ${JSON.stringify(LOCKED_TYPES)};
${HELPERS}
${ID_PLACE}
  if (has('_admin')) return;
  if (newDoc._id.indexOf('_design/') === 0) { if (isDbAdmin()) return; forbid('only database admins may write design documents'); }
  var isCounty = has('county:' + COUNTY);
  var area = null;
  if (isCounty) area = COUNTY;
  else if (has('township:' + TOWNSHIP)) area = TOWNSHIP;
  else if (has('station:' + STATION)) area = STATION;
  if (area === null) throw({ unauthorized: 'this account may not write to station ' + STATION });
  // An id that carries a place is that place's record: no other station writes it, nor its deletion.
  var carried = isCounty ? null : idPlace(newDoc._id);
  if (carried !== null && !within(carried, area)) forbid('id ' + newDoc._id + ' belongs to place ' + carried + ', outside ' + area);
  if (oldDoc && !oldDoc._deleted && oldDoc.placeCode !== undefined && !within(oldDoc.placeCode, area)) forbid('document ' + newDoc._id + ' belongs to place ' + oldDoc.placeCode + ', outside ' + area);
  appendOnly(newDoc, oldDoc);
  // A record the county accepted carries its countyLock: only a county account changes, deletes or
  // unlocks it (the same revision arriving again, as replication may, is no change).
  if (!isCounty) {
    var held = oldDoc && !oldDoc._deleted ? oldDoc.countyLock : undefined;
    if (held !== undefined && !(newDoc._rev === oldDoc._rev && sameContent(newDoc, oldDoc))) forbid('document ' + newDoc._id + ' was accepted by the county on ' + String(held && held.at).slice(0, 10) + ' and is locked');
    if (!newDoc._deleted && newDoc.countyLock !== undefined) forbid('only the county may set countyLock on ' + newDoc._id);
  }
  if (newDoc._deleted) {
    if (!isCounty && oldDoc && !oldDoc._deleted) {
      if (LOCKED_TYPES.indexOf(oldDoc.type) !== -1) forbid('a station may not delete ' + oldDoc.type + ' documents');
    }
    return;
  }
  checkShape(newDoc);
  var allowed = isCounty ? STATION_TYPES.concat(COUNTY_TYPES) : STATION_TYPES;
  if (allowed.indexOf(newDoc.type) === -1) forbid('type ' + newDoc.type + ' may not be written by this account');
  if (oldDoc && !oldDoc._deleted && oldDoc.type !== undefined && oldDoc.type !== newDoc.type) forbid('type may not change');
  if (!within(newDoc.placeCode, area)) forbid('placeCode ' + newDoc.placeCode + ' is outside ' + area);
  if (carried !== null && carried !== newDoc.placeCode) forbid('id ' + newDoc._id + ' carries place ' + carried + ', not ' + newDoc.placeCode);
}`;
}

/** validate_doc_update of `county_ref`: stations read it (membership), only the county writes. */
export function refValidate(county: string): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var COUNTY = ${JSON.stringify(county)};
  var REF_TYPES = ${JSON.stringify(REF_TYPES)};
${HELPERS}
  if (has('_admin')) return;
  if (newDoc._id.indexOf('_design/') === 0) { if (isDbAdmin()) return; forbid('only database admins may write design documents'); }
  if (!has('county:' + COUNTY)) throw({ unauthorized: 'county_ref is read-only for stations' });
  if (newDoc._deleted) return;
  checkShape(newDoc);
  if (REF_TYPES.indexOf(newDoc.type) === -1) forbid('type ' + newDoc.type + ' does not belong in county_ref');
  if (!within(newDoc.placeCode, COUNTY)) forbid('placeCode ' + newDoc.placeCode + ' is outside ' + COUNTY);
}`;
}

/**
 * validate_doc_update of the aggregate: the replication (server admin) writes; besides it only
 * the county's accounts, to resolve conflicts (a merged revision, deletions of the losing
 * revisions, the `resolution` record) and to copy their reviews in at once.
 */
export function aggregateValidate(county: string): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var COUNTY = ${JSON.stringify(county)};
  var TYPES = ${JSON.stringify([...STATION_TYPES, ...COUNTY_ONLY_TYPES])};
${HELPERS}
  if (has('_admin')) return;
  if (newDoc._id.indexOf('_design/') === 0) { if (isDbAdmin()) return; forbid('only database admins may write design documents'); }
  if (!has('county:' + COUNTY)) forbid('the county aggregate is written by replication only');
  if (oldDoc && !oldDoc._deleted && oldDoc.placeCode !== undefined && !within(oldDoc.placeCode, COUNTY)) forbid('document ' + newDoc._id + ' belongs to place ' + oldDoc.placeCode + ', outside ' + COUNTY);
  appendOnly(newDoc, oldDoc);
  if (newDoc._deleted) {
    if (oldDoc && !oldDoc._deleted && oldDoc.type === 'resolution') forbid('a conflict resolution record is never deleted');
    return;
  }
  checkShape(newDoc);
  if (TYPES.indexOf(newDoc.type) === -1) forbid('type ' + newDoc.type + ' does not belong in the aggregate');
  if (oldDoc && !oldDoc._deleted && oldDoc.type !== undefined && oldDoc.type !== newDoc.type) forbid('type may not change');
  if (!within(newDoc.placeCode, COUNTY)) forbid('placeCode ' + newDoc.placeCode + ' is outside ' + COUNTY);
}`;
}

/**
 * Views of `county_<code>_aggregate` (design doc `_design/stats`); all reduce with built-ins.
 * A record in conflict counts for no station until the county resolves it: two stations' versions
 * of one id (one person registered in two villages, a legacy id written twice, or a station
 * forging another's record) would otherwise be credited to whichever revision won.
 */
export const AGGREGATE_VIEWS: Record<string, { map: string; reduce: string }> = confirmedOnly({
  // [placeCode, targetGroup, registration kind, YYYY-MM of registration] → count of residents
  residents: {
    map: `function (doc) {
  if (doc.type !== 'resident' || !doc.registration) return;
  var month = String(doc.registration.date || doc.createdAt || '').slice(0, 7);
  var groups = doc.targetGroups && doc.targetGroups.length ? doc.targetGroups : ['none'];
  for (var i = 0; i < groups.length; i++) emit([doc.placeCode, groups[i], doc.registration.kind, month], 1);
}`,
    reduce: '_count',
  },
  // [postId, YYYY-MM, placeCode] → days present (value: hours, so _stats gives count and sum)
  attendanceDays: {
    map: `function (doc) {
  if (doc.type !== 'attendance' || doc.mark !== 'present') return;
  emit([doc.postId, String(doc.date).slice(0, 7), doc.placeCode], typeof doc.hours === 'number' ? doc.hours : 0);
}`,
    reduce: '_stats',
  },
  // [sessionId, date, half] → sign-ins (a signIn doc with a sign-in mark)
  signIns: {
    map: `function (doc) {
  if (doc.type !== 'signIn' || !doc['in']) return;
  emit([doc.sessionId, doc.date, doc.half], 1);
}`,
    reduce: '_count',
  },
  // [placeCode, type] → documents, for "what arrived from where"
  byPlaceAndType: {
    map: `function (doc) {
  if (doc.type && doc.placeCode) emit([doc.placeCode, doc.type], 1);
}`,
    reduce: '_count',
  },
  // The dashboard's views below are keyed by month first, so a month range is one key range.
  // [YYYY-MM of registration, placeCode, registration kind] → residents
  registrations: {
    map: `function (doc) {
  if (doc.type !== 'resident' || !doc.registration || !doc.registration.date) return;
  emit([String(doc.registration.date).slice(0, 7), doc.placeCode, doc.registration.kind], 1);
}`,
    reduce: '_count',
  },
  // [YYYY-MM of registration, placeCode, target group or 'none'] → residents (once per group)
  registrationGroups: {
    map: `function (doc) {
  if (doc.type !== 'resident' || !doc.registration || !doc.registration.date) return;
  var month = String(doc.registration.date).slice(0, 7);
  var groups = doc.targetGroups && doc.targetGroups.length ? doc.targetGroups : ['none'];
  for (var i = 0; i < groups.length; i++) emit([month, doc.placeCode, groups[i]], 1);
}`,
    reduce: '_count',
  },
  // Places created against the county's post plan (issue 17): [year, placeCode] → assignments
  // running in that year (group_level=2: per place).
  postPlaces: {
    map: `function (doc) {
  if (doc.type !== 'assignment' || !doc.startDate || !doc.endDate) return;
  var from = Number(doc.startDate.slice(0, 4)), to = Number(doc.endDate.slice(0, 4));
  for (var y = from; y <= to && y < from + 20; y++) emit([y, doc.placeCode], 1);
}`,
    reduce: '_count',
  },
  // The township payroll's status (issue 17): [YYYY-MM, township, village, postId] → null for each
  // assignment covering the month, and the month close's {closed, holders, payDueFen} (reduce=false).
  payrollPosts: {
    map: `function (doc) {
  var place = String(doc.placeCode || '');
  if (doc.type === 'monthClose' && doc.month && doc.summary) {
    var holders = doc.summary.holders || [], fen = 0;
    for (var h = 0; h < holders.length; h++) fen += Math.round((holders[h].payDue || 0) * 100);
    emit([doc.month, place.slice(0, 9), place, doc.postId], { closed: doc.status === 'closed' ? 1 : 0, holders: holders.length, payDueFen: fen });
    return;
  }
  if (doc.type !== 'assignment' || !doc.startDate || !doc.endDate) return;
  var y = Number(doc.startDate.slice(0, 4)), m = Number(doc.startDate.slice(5, 7));
  var last = doc.endDate.slice(0, 7);
  for (var i = 0; i < 240; i++) {
    var month = y + '-' + (m < 10 ? '0' : '') + m;
    if (month > last) break;
    emit([month, place.slice(0, 9), place, doc.postId], null);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
}`,
    reduce: '_count',
  },
  // [YYYY-MM, placeCode, residentId] → assignments covering the month (group_level=3: distinct holders)
  postHolders: {
    map: `function (doc) {
  if (doc.type !== 'assignment' || !doc.startDate || !doc.endDate) return;
  var y = Number(doc.startDate.slice(0, 4)), m = Number(doc.startDate.slice(5, 7));
  var last = doc.endDate.slice(0, 7);
  for (var i = 0; i < 240; i++) {
    var month = y + '-' + (m < 10 ? '0' : '') + m;
    if (month > last) break;
    emit([month, doc.placeCode, doc.residentId], 1);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
}`,
    reduce: '_count',
  },
  // [YYYY-MM, placeCode, mark] → attendance days
  attendanceMarks: {
    map: `function (doc) {
  if (doc.type !== 'attendance' || !doc.date || !doc.mark) return;
  emit([String(doc.date).slice(0, 7), doc.placeCode, doc.mark], 1);
}`,
    reduce: '_count',
  },
  // [YYYY-MM of the start date, placeCode, sessionId] → the timetable's class hours per half-day
  // (read with reduce=false; the reduce counts sessions)
  trainingSessions: {
    map: `function (doc) {
  if (doc.type !== 'training' || !doc.startDate) return;
  var slots = {};
  var timetable = doc.timetable || [];
  for (var i = 0; i < timetable.length; i++) slots[timetable[i].date + ':' + timetable[i].half] = timetable[i].classHours;
  emit([String(doc.startDate).slice(0, 7), doc.placeCode, doc._id], { startDate: doc.startDate, slots: slots });
}`,
    reduce: '_count',
  },
  // [sessionId, residentId] → enrolments (group_level=1: trainees per session)
  trainingTrainees: {
    map: `function (doc) {
  if (doc.type !== 'enrolment' || !doc.sessionId) return;
  emit([doc.sessionId, doc.residentId], 1);
}`,
    reduce: '_count',
  },
  // [sessionId, residentId, date, half] → half-days signed in (group_level=2: per trainee)
  trainingSignIns: {
    map: `function (doc) {
  if (doc.type !== 'signIn' || !doc['in']) return;
  emit([doc.sessionId, doc.residentId, doc.date, doc.half], 1);
}`,
    reduce: '_count',
  },
  // The employment counts (shared/employment/counts.ts) need each person's whole history and
  // registration, so the county reads in two steps and folds with the stations' own function:
  // [YYYY-MM of the start, residentId] → employed entries (group_level=2: who may have moved into
  // employment in the months asked) …
  employmentMonths: {
    map: `function (doc) {
  if (doc.type !== 'employment' || !doc.residentId || !doc.effectiveDate) return;
  if (${JSON.stringify(EMPLOYED_STATUSES)}.indexOf(doc.status) === -1) return;
  emit([String(doc.effectiveDate).slice(0, 7), doc.residentId], 1);
}`,
    reduce: '_count',
  },
  // … then residentId → { r: what the counts read of the resident } and { e: each status entry }
  // (read with reduce=false and keys=[those people]; the reduce counts rows).
  employmentHistory: {
    map: `function (doc) {
  if (doc.type === 'resident' && doc.registration) {
    emit(doc._id, { r: { placeCode: doc.placeCode, householdType: doc.householdType, targetGroups: doc.targetGroups || [], careCategories: doc.careCategories || [], registration: { kind: doc.registration.kind, date: doc.registration.date } } });
  } else if (doc.type === 'employment' && doc.residentId && doc.effectiveDate) {
    emit(doc.residentId, { e: { _id: doc._id, residentId: doc.residentId, status: doc.status, effectiveDate: doc.effectiveDate, endDate: doc.endDate || null, createdAt: doc.createdAt, corrects: doc.corrects || null } });
  }
}`,
    reduce: '_count',
  },
});

/** Each map first leaves out a document with conflicting revisions (the views get `_conflicts`). */
function confirmedOnly(views: Record<string, { map: string; reduce: string }>): Record<string, { map: string; reduce: string }> {
  const skip = 'function (doc) {\n  if (doc._conflicts && doc._conflicts.length) return;';
  return Object.fromEntries(Object.entries(views).map(([name, v]) => [name, { ...v, map: v.map.replace(/^function \(doc\) \{/, skip) }]));
}

/**
 * Views of the aggregate for county review (design doc `_design/review`, apart from the
 * statistics so that adding one never rebuilds the other). CouchDB (and PouchDB Server) hand the
 * map function `_conflicts`, so conflicted records are found without reading every document.
 */
export const REVIEW_DESIGN_DOC = '_design/review';
export const REVIEW_VIEWS: Record<string, { map: string; reduce?: string }> = {
  // [placeCode, createdAt] → the manifest without its id list
  batches: {
    map: `function (doc) {
  if (doc.type !== 'batch' || !doc.placeCode) return;
  emit([doc.placeCode, doc.createdAt], { createdBy: doc.createdBy, createdByName: doc.createdByName || doc.createdBy, via: doc.via, counts: doc.counts, documents: doc.docs ? doc.docs.length : 0 });
}`,
  },
  // batch id → the county's decision, without the per-record list
  reviews: {
    map: `function (doc) {
  if (doc.type !== 'review' || !doc.batchId) return;
  emit(doc.batchId, { decision: doc.decision, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy });
}`,
  },
  // type → number of losing revisions, for every record in conflict
  conflicts: {
    map: `function (doc) {
  if (doc._conflicts && doc._conflicts.length) emit(doc.type || null, doc._conflicts.length);
}`,
  },
};

/** Replication filter `leye/data` of station databases: everything but design documents. */
export const DATA_FILTER = `function (doc, req) { return doc._id.indexOf('_design/') !== 0; }`;
