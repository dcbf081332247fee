// The training vocabulary of the error translator (../errors.ts): argument paths of the
// training handlers (indices dropped) → label keys (the shared `fields.*` labels name resident
// fields only).

export const TRAINING_LABELS: Record<string, string> = {
  'course.occupation': 'training.fields.occupation',
  'course.level': 'training.fields.level',
  'provider.name': 'training.fields.providerName',
  'provider.creditCode': 'training.fields.providerCreditCode',
  teachers: 'training.fields.teachers',
  place: 'training.fields.place',
  startDate: 'training.fields.startDate',
  endDate: 'training.fields.endDate',
  plannedTrainees: 'training.fields.plannedTrainees',
  timetable: 'training.fields.timetable',
  'timetable.date': 'training.fields.slotDate',
  'timetable.half': 'training.fields.half',
  'timetable.start': 'training.fields.start',
  'timetable.end': 'training.fields.end',
  'timetable.classHours': 'training.fields.classHours',
  // Enrolment and sign-in arguments.
  idNumber: 'training.fields.idNumber',
  residentId: 'training.fields.trainee',
  date: 'training.fields.slotDate',
  half: 'training.fields.half',
  direction: 'training.fields.direction',
  method: 'training.fields.method',
};
