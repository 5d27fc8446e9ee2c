// The grammar's rules by name, as Duckling names its rules: a mention says
// which rule read it, and `tarikh parse --explain` and the corpus tests show
// that name. Names are stable: tests and notes refer to them.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace tarikh::tagger {

#define TARIKH_RULES(X)                                                                        \
    X(None, "none")                                                                            \
    /* numbers.cpp */                                                                          \
    X(NumericDate, "numeric-date")                 /* 2023-10-07, 07/10/2023 */                \
    X(NumericMonthYear, "numeric-month-year")      /* 11/2019 */                               \
    X(YearWordYear, "year-word-year")              /* <year word> <year> */                    \
    X(YearEra, "year-era")                         /* <year> <era> */                          \
    X(BareYear, "bare-year")                       /* <year> where a year is likely */         \
    X(DecadeApostrophe, "decade-apostrophe")       /* the '90s */                              \
    X(DecadeYear, "decade-year")                   /* 1990s, <decade> 1990 */                  \
    X(DecadeTwoDigits, "decade-two-digits")        /* <decade> 70: the 1370s */                \
    X(DecadeNumberWord, "decade-number-word")      /* <decade> <seventy> */                    \
    X(DecadeName, "decade-name")                   /* the nineties [of the last century] */    \
    X(CenturyOrdinal, "century-ordinal")           /* <century> <ordinal> */                   \
    X(CenturyNumber, "century-number")             /* <century> 21 */                          \
    X(CenturyRel, "century-rel")                   /* <century> <last> */                      \
    X(OrdinalCentury, "ordinal-century")           /* the twentieth century */                 \
    X(DayCentury, "day-century")                   /* the 20th century */                      \
    X(RelCentury, "rel-century")                   /* last century */                          \
    /* points.cpp */                                                                           \
    X(DayMonthYear, "day-month-year")              /* 7 October 2023 */                        \
    X(DayMonth, "day-month")                       /* 7 October [<relative year>] */           \
    X(DayMonthRel, "day-month-rel")                /* 7 June <this>, 21 February <last> */     \
    X(MonthDayRangeYear, "month-day-range-year")   /* June 13-24, 2025 */                      \
    X(MonthDayYear, "month-day-year")              /* March 29, 2023 */                        \
    X(MonthDay, "month-day")                       /* Nov 3 */                                 \
    X(MonthYear, "month-year")                     /* October [of] 2023 */                     \
    X(MonthRelativeYear, "month-relative-year")    /* November of that year */                 \
    X(MonthRel, "month-rel")                       /* <month> <last> */                        \
    X(RelMonth, "rel-month")                       /* last June, next March */                 \
    X(MonthDoubled, "month-doubled")               /* two names of one month */                \
    X(MonthWordMonth, "month-word-month")          /* <the month> <month name> */              \
    X(MonthAfterCue, "month-after-cue")            /* in March, early October */               \
    X(RelativeYear, "relative-year")               /* the same year, last year (as a point) */ \
    X(SameDayYear, "same-day-year")                /* the same day of 2003 */                  \
    X(RelSeason, "rel-season")                     /* last summer */                           \
    X(SeasonYear, "season-year")                   /* summer [of] 2022, summer of this year */ \
    X(SeasonRel, "season-rel")                     /* <summer> <last> */                       \
    X(PartPrefixYear, "part-prefix-year")          /* Q3 2024 */                               \
    X(PartOrdinalYear, "part-ordinal-year")        /* <half> <second> of 2022 */               \
    X(OrdinalPartYear, "ordinal-part-year")        /* the second half of 2022 */               \
    X(PartFirstYear, "part-first-year")            /* <six-month> <this year>: the first half */ \
    X(MonthsOfYear, "months-of-year")              /* <three months> <second> [of 2012] */     \
    X(TenDays, "ten-days")                         /* the last ten days of Ramadan */          \
    X(WeekOfMonth, "week-of-month")                /* the second week of March */              \
    X(ModPoint, "mod-point")                       /* early/mid/late <date> */                 \
    X(FiscalYear, "fiscal-year")                   /* fiscal 1990, this fiscal year */         \
    X(ModRelative, "mod-relative")                 /* early next year */                       \
    X(ModUnit, "mod-unit")                         /* the end of the year: the reference's */  \
    /* ranges.cpp */                                                                           \
    X(CountUnitBeforeDate, "count-unit-before-date") /* two years after <date> */               \
    X(Range, "range")                              /* from X to Y, X-Y, between X and Y */     \
    X(RangeShortEnd, "range-short-end")            /* 1984-85, from 1984 to '86 */             \
    X(DayList, "day-list")                         /* [Thursday and Friday] 3, 4 and 5 March */ \
    /* relative.cpp */                                                                         \
    X(RelCountUnit, "rel-count-unit")              /* <ago> three years */                     \
    X(LaterUnit, "later-unit")                     /* the following year */                    \
    X(CountUnitRel, "count-unit-rel")              /* three years ago, a year earlier */       \
    X(RelCountUnits, "rel-count-units")            /* the past two decades */                  \
    X(UnitCountRel, "unit-count-rel")              /* <week> <last>, <the years> <three> <past> */ \
    X(RelUnit, "rel-unit")                         /* this year, last week, recent years */    \
    X(EarlierLaterUnit, "earlier-later-unit")      /* earlier this year, later this month */   \
    X(RelDateWord, "reldate-word")                 /* one word for this year, last year */     \
    X(DeicticWord, "deictic")                      /* today, yesterday, now */                 \
    X(RelWeekday, "rel-weekday")                   /* last Tuesday */                          \
    X(WeekdayDate, "weekday-date")                 /* Tuesday, 27 January 2026 */              \
    X(WeekdayRel, "weekday-rel")                   /* <Saturday> <last> */                     \
    X(PrepWeekday, "prep-weekday")                 /* on Tuesday */                            \
    X(DayWordWeekday, "day-word-weekday")          /* <the day of> Monday, <evening of> Monday */ \
    X(WeekdayDaypart, "weekday-daypart")           /* Tuesday night */                         \
    X(RelDaypart, "rel-daypart")                   /* this morning, last night */              \
    X(DayDaypart, "day-daypart")                   /* yesterday afternoon, Tuesday night */    \
    X(WeekdayOfWeek, "weekday-of-week")            /* Tuesday of next week */                  \
    X(WeekdayAlone, "weekday-alone")               /* <Washington> <filed> Monday */           \
    X(NthWeekday, "nth-weekday")                   /* the first Monday of March */             \
    X(WeekdayNth, "weekday-nth")                   /* <Sunday> <fifth> of the month */         \
    /* holidays.cpp */                                                                         \
    X(Holiday, "holiday")                          /* Nowruz, Eid al-Fitr, Christmas */        \
    X(HolidayYear, "holiday-year")                 /* Christmas 2019, <Nowruz> <this year> */  \
    X(HolidayDay, "holiday-day")                   /* the fifth day of Eid al-Fitr */          \
    /* named_events.cpp */                                                                     \
    X(NamedEvent, "named-event")                   /* a named war, accord, holiday */          \
    /* durations.cpp: lengths and frequencies in the words no date took */                    \
    X(DurationCountUnit, "duration-count-unit")    /* 18 months, a decade, three-year */       \
    X(SetFrequency, "set-frequency")               /* annually, weekly */                      \
    X(SetEvery, "set-every")                       /* every Monday, each year */               \
    X(SetPerUnit, "set-per-unit")                  /* 5% a year */

enum class Rule : uint8_t {
#define TARIKH_RULE_ENUM(id, name) id,
    TARIKH_RULES(TARIKH_RULE_ENUM)
#undef TARIKH_RULE_ENUM
};

inline constexpr std::array kRuleNames{
#define TARIKH_RULE_NAME(id, name) std::string_view{name},
    TARIKH_RULES(TARIKH_RULE_NAME)
#undef TARIKH_RULE_NAME
};

constexpr std::string_view rule_name(Rule r) { return kRuleNames[static_cast<size_t>(r)]; }

}  // namespace tarikh::tagger
