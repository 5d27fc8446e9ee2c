#include "events/participants.h"

#include "events/sentences.h"

#include "actors/letters.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tarikh::events {
namespace {

// How far each kind of tie is trusted: a cue that names the relation
// ("between", "visit", "against") more than a pair read from the clause's
// shape, and that more than two countries merely named together.
float strength(PairCue c) {
    switch (c) {
        case PairCue::Between: return 0.95f;
        case PairCue::Relation: return 0.9f;
        case PairCue::Visit: return 0.9f;
        case PairCue::With: return 0.9f;
        case PairCue::Against: return 0.9f;
        case PairCue::Agreement: return 0.9f;
        case PairCue::Accusation: return 0.9f;
        case PairCue::Alone: return 0.9f;
        case PairCue::TwoCountries: return 0.85f;
        case PairCue::Speech: return 0.8f;
        case PairCue::Joint: return 0.8f;
        case PairCue::SubjectObject: return 0.75f;
        case PairCue::PreviousSentence: return 0.5f;
        case PairCue::Cooccurrence: return 0.4f;
        case PairCue::Unspecified: return 0.5f;
    }
    return 0.5f;
}

// A clause that names no country of its own borrows its sentence's.
constexpr float kBorrowedFromSentence = 0.7f;
// A sentence that names a country only as where something happened.
constexpr float kOnlyAPlace = 0.8f;

// How many words may stand between a cue and the country it governs.
constexpr size_t kOutletReach = 3;     // "the official Syrian news agency": three words between
constexpr size_t kOutletOfReach = 2;   // "a British naval source"
constexpr size_t kListReach = 2;       // "such as Syria", "other countries such as Tajikistan"
constexpr size_t kLinkReach = 3;       // "talks with the Saudi ambassador"

// Three countries may act together ("Russia, Turkey and Iran failed to
// agree"); four or more named in one breath are a list (a ranking, a study's
// sample, the members of a bloc): they are not paired with each other, and
// as a subject only with the counterparts a cue ties to them ("Saudi Arabia,
// the UAE, Bahrain and Egypt cut ties with Qatar").
constexpr size_t kMaxJointActors = 3;

constexpr CueRoles kGoverning = role_bit(CueRole::With) | role_bit(CueRole::To) | role_bit(CueRole::Against) |
                                role_bit(CueRole::Venue) | role_bit(CueRole::Agent);
constexpr CueRoles kLinks = role_bit(CueRole::With) | role_bit(CueRole::To) | role_bit(CueRole::Against) |
                            role_bit(CueRole::Agent) | role_bit(CueRole::Accusation);

bool contains(Span outer, Span inner) { return inner.begin >= outer.begin && inner.end <= outer.end; }

// Punctuation that ends a list of countries: a list runs over commas,
// hyphens, slashes and conjunctions, not over a full stop or a bracket.
bool breaks_list(std::string_view gap) {
    for (size_t i = 0; i < gap.size(); ++i) {
        const char c = gap[i];
        if (c == '.' || c == '(' || c == ')' || c == '!' || c == '?' || list_break_at(gap, i)) return true;
    }
    return false;
}

}  // namespace

std::string_view to_string(MentionRole r) {
    switch (r) {
        case MentionRole::Participant: return "participant";
        case MentionRole::Dateline: return "dateline";
        case MentionRole::Outlet: return "outlet";
        case MentionRole::Currency: return "currency";
        case MentionRole::Example: return "example";
        case MentionRole::Place: return "place";
        case MentionRole::Precedent: return "precedent";
        case MentionRole::Named: return "named";
        case MentionRole::Nationality: return "nationality";
        case MentionRole::Language: return "language";
    }
    return "participant";
}

SentenceParticipants::SentenceParticipants(SentenceInput in) : in_(std::move(in)) {
    for (const ActorMatch* a : in_.actors) named_.push_back({a});
    classify();
    find_asides_and_parts();
    group();
    add_two_countries();
    find_subordinates();
}

size_t SentenceParticipants::words_between(size_t from, size_t to) const {
    return from >= to ? 0 : count_words(in_.text, from, to, 16);
}

bool SentenceParticipants::clause_mark_between(size_t from, size_t to) const {
    for (size_t i = from; i < to; ++i)
        if (clause_mark_at(in_.text, i)) return true;
    return false;
}

bool SentenceParticipants::date_between(size_t from, size_t to) const {
    return std::any_of(in_.dates.begin(), in_.dates.end(), [&](Span d) { return d.begin >= from && d.end <= to; });
}

// A cue governs the words right after it: where a date comes first ("in
// 2018 Kenya"), the cue is the date's.
const CueHit* SentenceParticipants::cue_before(size_t pos, CueRoles roles, size_t max_words) const {
    for (auto it = in_.cues.rbegin(); it != in_.cues.rend(); ++it) {
        if (it->span.end > pos) continue;
        if (words_between(it->span.end, pos) > max_words || clause_mark_between(it->span.end, pos) ||
            date_between(it->span.end, pos))
            return nullptr;
        if (it->roles & roles) return &*it;
    }
    return nullptr;
}

const CueHit* SentenceParticipants::cue_after(size_t pos, CueRoles roles, size_t max_words) const {
    for (const CueHit& c : in_.cues) {
        if (c.span.begin < pos) continue;
        if (words_between(pos, c.span.begin) > max_words || clause_mark_between(pos, c.span.begin) ||
            date_between(pos, c.span.begin))
            return nullptr;
        if (c.roles & roles) return &c;
    }
    return nullptr;
}

// An outlet's name in quotes is one word however long: the news network
// «LBC Lebanon» is LBC, Lebanon's.
const CueHit* SentenceParticipants::outlet_before(size_t pos) const {
    for (auto it = in_.cues.rbegin(); it != in_.cues.rend(); ++it) {
        if (it->span.end > pos || !it->has(CueRole::Outlet)) continue;
        const std::string_view gap = in_.text.substr(it->span.end, pos - it->span.end);
        size_t words = 0;
        bool in_word = false;
        for (size_t i = 0; i < gap.size();) {
            size_t close = std::string_view::npos;
            for (auto [open, shut] : {std::pair<std::string_view, std::string_view>{"\u00AB", "\u00BB"},
                                      {"\u201C", "\u201D"}, {"\"", "\""}})
                if (gap.substr(i).starts_with(open)) {
                    close = gap.find(shut, i + open.size());
                    if (close != std::string_view::npos) close += shut.size();
                    break;
                }
            if (close != std::string_view::npos) {
                ++words;
                in_word = false;
                i = close;
                continue;
            }
            unsigned len;
            const bool word = actors::is_word_char(actors::decode_at(gap, i, len));
            if (word && !in_word) ++words;
            in_word = word;
            i += len;
        }
        if (words > kOutletReach || clause_mark_between(it->span.end, pos) || date_between(it->span.end, pos)) return nullptr;
        return &*it;
    }
    return nullptr;
}

bool SentenceParticipants::cue_between(size_t from, size_t to, CueRole role) const {
    return std::any_of(in_.cues.begin(), in_.cues.end(),
                       [&](const CueHit& c) { return c.has(role) && c.span.begin >= from && c.span.end <= to; });
}

bool SentenceParticipants::coordinated(Span a, Span b) const {
    std::string_view gap = in_.text.substr(a.end, b.begin - a.end);
    // The full stop of an abbreviation ("U.S. and West German") is no sentence's end.
    if (gap.starts_with('.') && a.end > 0 && in_.text[a.end - 1] >= 'A' && in_.text[a.end - 1] <= 'Z') gap.remove_prefix(1);
    if (breaks_list(gap)) return false;
    size_t words = words_between(a.end, b.begin), conjunctions = 0;
    for (const CueHit& c : in_.cues)
        if (c.span.begin >= a.end && c.span.end <= b.begin && c.has(CueRole::And)) ++conjunctions;
    if (words != conjunctions) return false;
    if (conjunctions > 0 || gap.find_first_not_of(" \t\r\n") != std::string_view::npos) return true;
    // Nothing but blanks between them: a list only where the second carries a
    // glued "and" ("wa-Isra'il" after Turkey); "King Salman called on Paris" is a verb's subject and object.
    const std::string_view second = in_.text.substr(b.begin, b.end - b.begin);
    return in_.glued_and && std::any_of(in_.glued_and->begin(), in_.glued_and->end(),
                                        [&](const std::string& w) { return second.starts_with(w); });
}

void SentenceParticipants::classify() {
    // A city one travels "to" is visited only where the sentence speaks of a
    // visit; else it is a destination ("the ship heading to Gaza").
    const bool visit = std::any_of(in_.cues.begin(), in_.cues.end(), [](const CueHit& c) { return c.has(CueRole::Visit); });
    for (size_t i = 0; i < named_.size(); ++i) {
        Named& n = named_[i];
        const Span s = n.match->span;
        const bool nation = n.match->type == ActorType::Demonym || n.match->type == ActorType::Country;
        // "the Ethiopian capital", "the capital of Greece" name a city.
        const bool city = n.match->type == ActorType::Capital || n.match->type == ActorType::City ||
                          (nation && (cue_before(s.begin, role_bit(CueRole::Capital), 0) ||
                                      cue_after(s.end, role_bit(CueRole::CapitalOf), 0)));
        auto mark = [&](MentionRole r, const char* rule) {
            n.role = r;
            n.rule = rule;
        };
        if (in_.dateline.end > in_.dateline.begin && contains(in_.dateline, s)) mark(MentionRole::Dateline, "dateline");
        else if (const CueHit* o = outlet_before(s.begin);
                 o && !cue_between(o->span.end, s.begin, CueRole::That))  // "a source said that India…"
            mark(MentionRole::Outlet, "outlet");
        else if (cue_after(s.end, role_bit(CueRole::OutletOf), kOutletOfReach)) mark(MentionRole::Outlet, "outlet-of");
        else if (cue_before(s.begin, role_bit(CueRole::Currency), 0)) mark(MentionRole::Currency, "currency");
        else if (cue_after(s.end, role_bit(CueRole::CurrencyOf), 0)) mark(MentionRole::Currency, "currency-of");
        else if (cue_before(s.begin, role_bit(CueRole::Precedent), 0)) mark(MentionRole::Precedent, "precedent");
        else if (city && (cue_before(s.begin, role_bit(CueRole::NamedAfter), 1) ||
                          cue_after(s.end, role_bit(CueRole::NamedAfterOf), 0)))
            mark(MentionRole::Named, "named-after");
        else if (cue_before(s.begin, role_bit(CueRole::Meeting), 1) || cue_after(s.end, role_bit(CueRole::MeetingOf), 0))
            mark(MentionRole::Place, "meeting-place");
        else if (nation && (cue_before(s.begin, role_bit(CueRole::Language), 1) ||
                            cue_after(s.end, role_bit(CueRole::LanguageOf), 0)))
            mark(MentionRole::Language, "language");
        else if (nation && (cue_before(s.begin, role_bit(CueRole::Nationality), 1) ||
                            cue_after(s.end, role_bit(CueRole::NationalityOf), 0)))
            mark(MentionRole::Nationality, "nationality");
        else if (cue_before(s.begin, role_bit(CueRole::Examples) | role_bit(CueRole::PlaceList), kListReach))
            mark(MentionRole::Example, "example-list");
        else if (i > 0 && named_[i - 1].role == MentionRole::Example && coordinated(named_[i - 1].match->span, s))
            mark(MentionRole::Example, "example-list");
        else if (city && !in_.military && cue_before(s.begin, role_bit(CueRole::Venue), 0)) {
            mark(MentionRole::Place, "venue");
            n.where = true;
        }
        else if (const CueHit* v = cue_before(s.begin, role_bit(CueRole::Venue), 0);
                 v && cue_before(v->span.begin, role_bit(CueRole::Meeting) | role_bit(CueRole::MeetingOf), 3))
            mark(MentionRole::Place, "venue-of-meeting");  // "the G7 summit in Canada", "a conference in Sweden"
        else if (city && !visit && !in_.military && cue_before(s.begin, role_bit(CueRole::To), 0))
            mark(MentionRole::Place, "destination");
        else if (cue_before(s.begin, role_bit(CueRole::Border), 1)) mark(MentionRole::Place, "border");
        else if (cue_before(s.begin, role_bit(CueRole::Located), 2)) mark(MentionRole::Place, "located");
        // The same country named again right after ("the Ethiopian capital Addis
        // Ababa", "Athens, capital of Greece", "the British capital, London"): one place, one role.
        else if (i > 0 && apposition(named_[i - 1], n)) {
            mark(named_[i - 1].role, "apposition");
            n.where = named_[i - 1].where;
        }
    }
}

// Nothing but a comma or the word "capital" between two names of one country.
bool SentenceParticipants::apposition(const Named& first, const Named& second) const {
    if (first.role == MentionRole::Participant || first.match->code != second.match->code) return false;
    const size_t from = first.match->span.end, to = second.match->span.begin;
    if (date_between(from, to)) return false;
    if (words_between(from, to) == 1)
        return !clause_mark_between(from, to) &&
               (cue_between(from, to, CueRole::Capital) || cue_between(from, to, CueRole::CapitalOf));
    std::string_view gap = in_.text.substr(from, to - from);
    auto trim = [&] { while (!gap.empty() && (gap.front() == ' ' || gap.front() == '\n' || gap.front() == '#')) gap.remove_prefix(1); };
    trim();
    if (!gap.empty()) gap.remove_prefix(comma_at(gap, 0));
    trim();
    return gap.empty();
}

void SentenceParticipants::find_asides_and_parts() {
    const std::string_view text = in_.text;
    for (const CueHit& c : in_.cues) {
        if (!c.has(CueRole::Relative)) continue;
        size_t i = c.span.begin;
        while (i > in_.sentence.begin && (text[i - 1] == ' ' || text[i - 1] == '\n')) --i;
        if (!comma_ends_at(text, i)) continue;
        size_t end = c.span.end;
        while (end < in_.sentence.end && !clause_mark_at(text, end)) ++end;
        asides_.push_back({c.span.begin, uint32_t(end)});
    }
    // "…, the United States later said it was a reactor, built with North
    // Korea's help": from its clause on, a sentence that says it came later
    // reports another, undated act.
    for (const CueHit& c : in_.cues) {
        if (!c.has(CueRole::Later)) continue;
        size_t begin = c.span.begin;
        while (begin > in_.sentence.begin && !clause_mark_ends_at(text, begin)) --begin;
        asides_.push_back({uint32_t(begin), in_.sentence.end});
    }
    uint32_t from = in_.sentence.begin;
    for (const CueHit& c : in_.cues)
        if (c.has(CueRole::Comparison) && c.span.begin > from) {
            parts_.push_back({from, c.span.begin});
            from = c.span.begin;
        }
    parts_.push_back({from, in_.sentence.end});
}

// A clause opened by "after", "before", "in response to" reports another act
// than the one its sentence dates, and one opened by "if" none; it runs to the
// next clause mark, over any list of countries it holds ("a day after Russia,
// Turkey and Iran failed"). A cue inside a date is the date's own word ("two days
// after", "two days before"); "if" in what was said is "whether", its topic
// ("said he did not care if Russians meddled in the US election").
void SentenceParticipants::find_subordinates() {
    const CueRoles opens = role_bit(CueRole::Sequel) | role_bit(CueRole::SequelPhrase) | role_bit(CueRole::Condition);
    for (const CueHit& c : in_.cues) {
        if ((c.roles & opens) == 0) continue;
        if (std::any_of(in_.dates.begin(), in_.dates.end(), [&](Span d) { return contains(d, c.span); })) continue;
        if (!c.has(CueRole::Sequel) && !c.has(CueRole::SequelPhrase) && cue_between(in_.sentence.begin, c.span.begin, CueRole::That))
            continue;
        uint32_t end = c.span.end;
        for (;;) {
            while (end < in_.sentence.end && !clause_mark_at(in_.text, end)) ++end;
            auto across = std::find_if(groups_.begin(), groups_.end(),
                                       [&](const Group& g) { return g.span.begin < end && g.span.end > end; });
            if (across == groups_.end() || end >= in_.sentence.end) break;
            end = across->span.end;
        }
        // Where the main verb may come last, a phrase no clause mark closes holds it.
        const bool phrase_only = c.has(CueRole::SequelPhrase) && !c.has(CueRole::Sequel) && !c.has(CueRole::Condition);
        if (phrase_only && end >= in_.sentence.end) continue;
        subordinates_.push_back({c.span.begin, end});
    }
}

std::vector<const SentenceParticipants::Group*> SentenceParticipants::visible(Span part, const Mention* date) const {
    std::vector<const Group*> seen;
    for (const Group& g : groups_) {
        if (!in(g, part)) continue;
        const bool aside = std::any_of(asides_.begin(), asides_.end(), [&](Span a) {
            return contains(a, g.span) && !(date && contains(a, date->span));
        });
        if (!aside) seen.push_back(&g);
    }
    if (!date) return seen;
    auto inside = [&](Span s, const Group* g) { return contains(s, g->span); };
    // A date inside a subordinate clause dates its act: only its countries,
    // when it names any ("…, after entering the Saudi consulate last Tuesday");
    // a military act of one country is on the ground the sentence names
    // ("fighters returned to Syria after Russia intervened in September 2015").
    for (Span s : subordinates_)
        if (contains(s, date->span)) {
            std::vector<const Group*> own;
            for (const Group* g : seen)
                if (inside(s, g)) own.push_back(g);
            const bool one = own.size() == 1 && own[0]->members.size() == 1;
            return own.empty() || (one && in_.military) ? seen : own;
        }
    // A date outside one does not see its countries when its own clause names
    // a pair ("Russian jets bombed Idlib on Saturday, a day after Russia,
    // Turkey and Iran failed…"); one that names fewer ("Siew returned from
    // Washington on Friday after the U.S. answered Taiwan") takes them.
    std::vector<const Group*> main;
    std::vector<CountryCode> codes;
    for (const Group* g : seen)
        if (std::none_of(subordinates_.begin(), subordinates_.end(), [&](Span s) { return inside(s, g); })) {
            main.push_back(g);
            for (const Member& m : g->members)
                if (std::find(codes.begin(), codes.end(), m.code) == codes.end()) codes.push_back(m.code);
        }
    return codes.size() >= 2 ? main : seen;
}

void SentenceParticipants::group() {
    const Named* prev = nullptr;
    for (const Named& n : named_) {
        if (n.role != MentionRole::Participant) {
            prev = nullptr;
            continue;
        }
        const Member m{n.match->code, n.match->weight, n.match->span, n.match->type};
        if (prev && !groups_.empty() && coordinated(prev->match->span, n.match->span)) {
            Group& g = groups_.back();
            g.span.end = n.match->span.end;
            g.last_type = n.match->type;
            auto same = std::find_if(g.members.begin(), g.members.end(), [&](const Member& x) { return x.code == m.code; });
            if (same == g.members.end()) g.members.push_back(m);
            else same->weight = std::max(same->weight, m.weight);
        } else {
            groups_.push_back({{m}, n.match->span});
            groups_.back().last_type = n.match->type;
        }
        prev = &n;
    }
    for (Group& g : groups_) {
        g.governed = cue_before(g.span.begin, kGoverning, 1) != nullptr;
        if (g.members.size() < 2) continue;
        if (cue_before(g.span.begin, role_bit(CueRole::Between), 1)) g.tie = PairCue::Between;
        else if (cue_before(g.span.begin, role_bit(CueRole::Relation), 1) ||
                 cue_after(g.span.end, role_bit(CueRole::Relation), 1))
            g.tie = PairCue::Relation;
        else if (cue_before(g.span.begin, role_bit(CueRole::Agreement), 2) ||
                 cue_after(g.span.end, role_bit(CueRole::Agreement), 1))
            g.tie = PairCue::Agreement;
        g.tied = g.tie != PairCue::Joint;
    }
}

void SentenceParticipants::add_two_countries() {
    for (const CueHit& c : in_.cues) {
        if (!c.has(CueRole::TwoCountries)) continue;
        // The pair named most recently: this sentence's countries before the
        // cue, then the paragraph's, skipping lists of three or more.
        std::vector<NamedBefore> seen = in_.before ? *in_.before : std::vector<NamedBefore>{};
        for (const Group& g : groups_)
            if (g.span.end <= c.span.begin)
                for (const Member& m : g.members) seen.push_back({m.code, g.members.size() >= 3});
        std::vector<CountryCode> pair;
        for (auto it = seen.rbegin(); it != seen.rend() && pair.size() < 2; ++it)
            if (!it->in_long_list && std::find(pair.begin(), pair.end(), it->code) == pair.end()) pair.push_back(it->code);
        if (pair.size() < 2) continue;
        Group g{{{pair[1], 1.0f, c.span, ActorType::Country}, {pair[0], 1.0f, c.span, ActorType::Country}},
                c.span, PairCue::TwoCountries, true};
        g.governed = cue_before(c.span.begin, kGoverning, 1) != nullptr;
        auto at = std::find_if(groups_.begin(), groups_.end(), [&](const Group& x) { return x.span.begin > c.span.begin; });
        groups_.insert(at, std::move(g));
    }
}

bool SentenceParticipants::in(const Group& g, Span s) const { return contains(s, g.span); }

const SentenceParticipants::Group* SentenceParticipants::subject_of(Span part) const {
    const Group* first = nullptr;
    for (const Group& g : groups_) {
        if (!in(g, part)) continue;
        if (!first) first = &g;
        if (!g.governed) return &g;
    }
    return first;
}

PairCue SentenceParticipants::link_of(const Group& g, Span part) const {
    auto has_cue_in_part = [&](CueRole r) {
        return std::any_of(in_.cues.begin(), in_.cues.end(),
                           [&](const CueHit& c) { return c.has(r) && contains(part, c.span); });
    };
    // The word that ties it to the subject stands between it and the country before it.
    uint32_t previous_end = part.begin;
    for (const Group& other : groups_)
        if (other.span.end <= g.span.begin) previous_end = std::max(previous_end, other.span.end);
    if (const CueHit* c = cue_before(g.span.begin, kLinks, kLinkReach); c && c->span.begin >= previous_end) {
        if (c->has(CueRole::With)) return PairCue::With;
        if (c->has(CueRole::Against)) return PairCue::Against;
        if (c->has(CueRole::Accusation)) return PairCue::Accusation;
        if (c->has(CueRole::To) && has_cue_in_part(CueRole::Visit)) return PairCue::Visit;
    }
    if (has_cue_in_part(CueRole::Accusation)) return PairCue::Accusation;
    if (has_cue_in_part(CueRole::Speech)) return PairCue::Speech;
    return PairCue::SubjectObject;
}

bool SentenceParticipants::qualifier(const Group& g) const { return g.last_type == ActorType::Demonym; }

bool SentenceParticipants::adjacent_to_date(const Group& g, const Mention* mention) const {
    if (!mention) return false;
    const Span date = mention->span;
    const bool group_first = g.span.end <= date.begin;
    // The date qualifies a group that is an adjective of the dated noun
    // ("the US elections 2016", "… US in 2016"), or one it comes
    // before through a link word ("Monday's U.S. and West German
    // confirmation"); not a country named before its date as a place or a
    // counterpart ("a visit to Rome in May"), nor the next phrase after a date
    // ("on 18 Shahrivar, Britain [object]").
    if (group_first && !qualifier(g)) return false;
    const size_t from = group_first ? g.span.end : date.end;
    const size_t to = group_first ? date.begin : g.span.begin;
    if (from > to || breaks_list(in_.text.substr(from, to - from)) || clause_mark_between(from, to)) return false;
    size_t words = words_between(from, to), links = 0;
    for (const CueHit& c : in_.cues)
        if (c.span.begin >= from && c.span.end <= to && c.has(CueRole::DateOf)) ++links;
    // After an adjective, with or without a link word, only a year or longer
    // qualifies its noun ("the US elections 2016", "… US in 2016"); a day or
    // a weekday there dates the clause's act ("a speech before the US Congress
    // Wednesday", "met the Jordanian ambassador on 9 October").
    const bool coarse = mention->granularity >= Granularity::Year && mention->granularity != Granularity::Unknown;
    return words == links && (group_first ? coarse : links > 0);
}

// "France welcomed the British strikes against ISIS in Syria": "against"
// ties Syria to the country named right before it, Britain, not to the
// subject ("Russia turned a blind eye to Israeli raids against Iranian
// forces"); unless that one is the subject's partner ("Washington will work
// with Riyadh against Iran"), where the subject acts too.
const SentenceParticipants::Group* SentenceParticipants::nearer_actor(const Group& object, const Group& subject,
                                                                      const std::vector<const Group*>& objects,
                                                                      Span part) const {
    // Only "against": "with" and "to" go on with the subject's act more often
    // than not ("May will discuss Iran in talks with Netanyahu", "King Salman
    // called on Paris to press Doha").
    const CueHit* c = cue_before(object.span.begin, role_bit(CueRole::Against), kLinkReach);
    if (!c) return &subject;
    const Group* nearer = nullptr;
    for (const Group* o : objects)
        if (o->span.end <= c->span.begin && (!nearer || o->span.end > nearer->span.end)) nearer = o;
    if (!nearer || nearer->span.end <= subject.span.end || nearer->tied) return &subject;
    if (link_of(*nearer, part) == PairCue::With) return &subject;
    return nearer;
}

std::vector<Participants> SentenceParticipants::pairs_in(Span part, const Mention* date, float confidence,
                                                        bool part_only) const {
    std::vector<const Group*> seen = visible(part, date);
    if (seen.empty()) return {};

    std::map<CountryPair, Participants> best;
    auto add = [&](const Member& a, const Member& b, PairCue cue, bool directed) {
        Participants p{a.code, b.code, directed && a.code != b.code, cue,
                       confidence * strength(cue) * (a.weight + b.weight) / 2};
        if (!p.directed && p.target < p.source) std::swap(p.source, p.target);
        auto [it, fresh] = best.emplace(p.lane(), p);
        if (!fresh && p.confidence > it->second.confidence) it->second = p;
    };
    auto internal = [&](const Group& g, PairCue cue) {
        if (g.members.size() == 1) add(g.members[0], g.members[0], PairCue::Alone, false);
        if (g.members.size() > kMaxJointActors) return;
        // Places named together ("in the United States and Britain") act together in nothing.
        if (g.governed && cue_before(g.span.begin, role_bit(CueRole::Venue), 1)) return;
        for (size_t i = 0; i < g.members.size(); ++i)
            for (size_t j = i + 1; j < g.members.size(); ++j) add(g.members[i], g.members[j], cue, false);
    };
    auto finish = [&] {
        std::vector<Participants> out;
        for (auto& [lane, p] : best) out.push_back(p);
        return out;
    };

    const Group* subject = nullptr;
    for (const Group* g : seen)
        if (!g->governed) {
            subject = g;
            break;
        }
    bool structured = subject != nullptr;
    if (!subject) subject = seen.front();

    // "the 2016 US elections", "Monday's U.S. and West German confirmation":
    // a group the date qualifies is the date's event on its own, unless a
    // cue ties other countries in the clause ("relations between the two
    // countries worsened when … the Turkish ship on 31 May 2010").
    const bool other_ties = std::any_of(seen.begin(), seen.end(), [](const Group* g) { return g->tied; });
    for (const Group* g : seen)
        if (g != subject && !other_ties && adjacent_to_date(*g, date)) {
            internal(*g, g->tied ? g->tie : PairCue::Joint);
            return finish();
        }

    // A group naming the subject's own country acts with it ("the crown
    // prince handed over money from Saudi Arabia and the UAE for Yemen").
    // Every such group: the crown prince, named again, is not the partner.
    std::vector<const Group*> partners;
    for (const Group* g : seen)
        if (g != subject && !g->tied && g->members.size() <= kMaxJointActors &&
            std::any_of(g->members.begin(), g->members.end(), [&](const Member& m) {
                return std::any_of(subject->members.begin(), subject->members.end(),
                                   [&](const Member& s) { return s.code == m.code; });
            }))
            partners.push_back(g);
    Group widened;
    if (!partners.empty()) {
        widened = *subject;
        for (const Group* p : partners)
            for (const Member& m : p->members)
                if (std::none_of(widened.members.begin(), widened.members.end(),
                                 [&](const Member& x) { return x.code == m.code; }))
                    widened.members.push_back(m);
        if (widened.members.size() > kMaxJointActors) {
            widened = Group{};
            partners.clear();
        }
    }
    if (!partners.empty()) {
        for (const Group* p : partners) seen.erase(std::remove(seen.begin(), seen.end(), p), seen.end());
        std::replace(seen.begin(), seen.end(), subject, static_cast<const Group*>(&widened));
        subject = &widened;
    }

    // A later part of the sentence whose countries are all governed by a
    // preposition ("…, like the operations of 2016 in northern Syria",
    // "…, promised to halt trade with South Africa by October") keeps the
    // sentence's subject.
    std::vector<const Group*> objects;
    if (part.begin > in_.sentence.begin && !structured && !part_only) {
        const Group* main = subject_of(in_.sentence);
        if (main && main->span.end <= part.begin && !main->governed &&
            std::none_of(asides_.begin(), asides_.end(), [&](Span a) { return contains(a, main->span); })) {
            objects = seen;
            subject = main;
            structured = true;
        }
    }
    if (objects.empty())
        for (const Group* g : seen)
            if (g != subject) objects.push_back(g);
    internal(*subject, subject->tied ? subject->tie : PairCue::Joint);
    // A clause about the relations between two countries ("relations between
    // the two countries worsened when…") is their event; the others it names
    // are its circumstances.
    const bool about_the_pair = subject->tied && subject->tie != PairCue::Agreement;
    if (about_the_pair) objects.clear();
    for (const Group* g : objects) {
        if (g->tied) internal(*g, g->tie);
        const PairCue cue = structured ? link_of(*g, part) : PairCue::Cooccurrence;
        if (subject->members.size() > kMaxJointActors && cue_before(g->span.begin, kLinks, kLinkReach) == nullptr)
            continue;
        const bool reversed = cue_before(g->span.begin, role_bit(CueRole::Agent), kLinkReach) != nullptr;
        const Group* actor = structured ? nearer_actor(*g, *subject, objects, part) : subject;
        for (const Member& s : actor->members)
            for (const Member& o : g->members) {
                if (s.code == o.code) continue;
                if (reversed) add(o, s, cue, true);
                else add(s, o, cue, true);
            }
    }
    // A country alone only when nothing pairs it: "Syria alone" is not also
    // in a Syria–US event of the same clause.
    if (best.size() > 1)
        for (auto it = best.begin(); it != best.end();)
            it = it->first.first == it->first.second ? best.erase(it) : std::next(it);
    return finish();
}

std::vector<Participants> SentenceParticipants::pairs_for(Span clause, const Mention& date) const {
    const float date_confidence = date.confidence;
    Span part = clause;
    bool compared = false;
    for (Span p : parts_)
        if (contains(p, date.span)) {
            part = {std::max(p.begin, clause.begin), std::min(p.end, clause.end)};
            compared = p.begin > in_.sentence.begin;
            break;
        }
    auto pairs = pairs_in(part, &date, date_confidence);
    if (!pairs.empty() || (part.begin == in_.sentence.begin && part.end == in_.sentence.end)) return pairs;
    // A compared act ("…, similar to the inflation of 2011") naming no
    // country is the subject's own, not the sentence's pairs.
    if (compared && part.begin > in_.sentence.begin) {
        if (const Group* main = subject_of({in_.sentence.begin, part.begin}); main && main->members.size() == 1) {
            const Member& m = main->members[0];
            return {{m.code, m.code, false, PairCue::Alone, date_confidence * strength(PairCue::Alone) * m.weight}};
        }
        return {};
    }
    return pairs_in(in_.sentence, &date, date_confidence * kBorrowedFromSentence);
}

std::vector<Participants> SentenceParticipants::pairs_within(Span phrase, const Mention& date) const {
    return pairs_in(phrase, &date, date.confidence, true);
}

std::vector<Participants> SentenceParticipants::place_alone(const Mention& date) const {
    // The city of a meeting, a summit or a conference is where others met (GUIDE).
    const CueRoles meeting = role_bit(CueRole::Meeting) | role_bit(CueRole::MeetingOf);
    if (std::any_of(in_.cues.begin(), in_.cues.end(), [&](const CueHit& c) { return (c.roles & meeting) != 0; })) return {};
    const Named* where = nullptr;
    for (const Named& n : named_) {
        if (!n.where) continue;
        if (where && where->match->code != n.match->code) return {};
        if (!where || n.match->weight > where->match->weight) where = &n;
    }
    if (!where) return {};
    const CountryCode& c = where->match->code;
    return {{c, c, false, PairCue::Alone, date.confidence * strength(PairCue::Alone) * where->match->weight * kOnlyAPlace}};
}

bool SentenceParticipants::has_subject(Span part) const {
    return std::any_of(groups_.begin(), groups_.end(), [&](const Group& g) { return in(g, part) && !g.governed; });
}

bool SentenceParticipants::opens_with(Span part, CueRole role) const {
    return std::any_of(in_.cues.begin(), in_.cues.end(), [&](const CueHit& c) {
        return c.has(role) && c.span.begin >= part.begin && words_between(part.begin, c.span.begin) == 0;
    });
}

std::vector<Participants> SentenceParticipants::sentence_pairs(float date_confidence) const {
    return pairs_in(in_.sentence, nullptr, date_confidence);
}

void SentenceParticipants::remember(std::vector<NamedBefore>& history) const {
    for (const Group& g : groups_)
        for (const Member& m : g.members) history.push_back({m.code, g.members.size() >= 3});
}

std::string SentenceParticipants::explain() const {
    std::string out;
    for (const Named& n : named_) {
        const Span s = n.match->span;
        out += fmt::format("  {} {} [{}]{}{}\n", n.match->code, in_.text.substr(s.begin, s.end - s.begin),
                           to_string(n.role), *n.rule ? ": " : "", n.rule);
    }
    for (const Group& g : groups_) {
        std::string codes;
        for (const Member& m : g.members) codes += (codes.empty() ? "" : "+") + m.code;
        out += fmt::format("  group {}{}{}\n", codes, g.tied ? fmt::format(" tied by {}", to_string(g.tie)) : "",
                           g.governed ? " (governed: not a subject)" : "");
    }
    for (Span a : asides_) out += fmt::format("  aside: {}\n", in_.text.substr(a.begin, a.end - a.begin));
    for (Span s : subordinates_) out += fmt::format("  subordinate: {}\n", in_.text.substr(s.begin, s.end - s.begin));
    return out;
}

}  // namespace tarikh::events
