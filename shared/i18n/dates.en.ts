/** English texts of dates, times and units (keys shared with dates.zh-CN.ts). */
export const datesValidationEn = {
  person_name_required: 'Enter the person’s name.',
  datetime_format: 'Not a date: pick one, or write it as yyyy-MM-dd with an optional time (HH:mm or HH:mm:ss).',
  no_such_date: 'There is no such date: that month has no such day (check the day and the month).',
  no_such_time: 'There is no such time of day: hours go up to 23, minutes and seconds up to 59.',
};

export const datesEn = {
  dateInput: {
    time: 'time (optional)',
    fromHint: 'A date alone means from the start of that day (00:00:00).',
    toHint: 'A date alone means until the end of that day (23:59:59).',
    clear: 'Clear',
  },
  vendorEvent: {
    unknownMark: '(as {{vendor}} wrote it)',
    theBackend: 'the backend',
    unknownTitle: 'Doorman has no translation for this event name yet; it is shown as the backend wrote it.',
  },
};
