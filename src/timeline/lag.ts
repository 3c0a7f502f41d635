// How the time between a measure and its answer is said: in days when both dates are days
// ("早 3 天", "3 days earlier"), and in the unit the dates allow when one is only a month or a
// year ("约早 4 年", "about 4 years earlier") — never "1545 天前", which reads as "days ago" and
// claims a precision the sources do not give.

/** An interface string's key and its number: the page says it in both languages. */
export interface LagPhrase {
  key: string;
  n: number;
}

/**
 * Pure: the phrase for a lag of `days` between two events (negative only when a month-only date starts before the other's day), seen from one of them:
 * `earlier` for the event it answers, `later` for an answer to it. `approx` when either date
 * is a month or a year.
 */
export function lagPhrase(days: number, approx: boolean, side: "earlier" | "later"): LagPhrase {
  const Side = side === "earlier" ? "Earlier" : "Later";
  if (!approx) {
    if (days === 0) return { key: "lagSameDay", n: 0 };
    return { key: days === 1 ? `lagDay${Side}` : `lagDays${Side}`, n: days };
  }
  const years = Math.round(days / 365.25);
  if (years >= 1 && days >= 330) return { key: years === 1 ? `lagYear${Side}Approx` : `lagYears${Side}Approx`, n: years };
  const months = Math.round(days / 30.44);
  if (months >= 1 && days >= 45) return { key: months === 1 ? `lagMonth${Side}Approx` : `lagMonths${Side}Approx`, n: months };
  // Under six weeks with a date that is only a month: days would claim a precision the
  // sources do not give, and a month that starts before the other event's day gives a
  // negative count ("约 -11 天后").
  return { key: "lagWithinMonth", n: 0 };
}
