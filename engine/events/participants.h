// Who takes part in a dated event (DESIGN §1): the countries a sentence
// names are sorted into participants and the rest (a news agency's country,
// a dateline, a venue, a border, a list of examples, a currency, a
// precedent), the participants into coordinated groups ("Russia, Turkey and
// Iran"), and the groups into the clause's subject and its objects. Pairs are
// then the subject with each object, the members of a subject group with
// each other (joint actors), and any group a cue ties ("between X and Y",
// "X–Y relations", "the two countries") — never two objects of one act
// (the countries a complaint is filed against are not an event among
// themselves).
//
// No word of any language is here: the cues come from
// engine/lang/<lang>/participant_cues.tsv (participant_cues.h), and each
// decision has a rule name that `tarikh extract --explain` prints.
#pragma once

#include "events/participant_cues.h"
#include "tarikh/actors.h"
#include "tarikh/event.h"

#include <string>
#include <string_view>
#include <vector>

namespace tarikh::events {

// What a named country is in its sentence.
enum class MentionRole : uint8_t {
    Participant,
    Dateline,   // the place of a dateline ("TAUPO, New Zealand, March 24 -")
    Outlet,     // the country of the news agency or paper that reports it
    Currency,   // "US dollars"
    Example,    // in a list introduced as examples or members
    Place,      // a venue, a border, a location
    Precedent,  // "after the United States": it did the same, before
    Named,      // the city a treaty, summit or meeting is named after ("the Rome Statute", "the Singapore summit")
    Nationality,  // of a player, journalist, club or national team, not a state's act
    Language,     // a language named after the country ("in the French language")
};
std::string_view to_string(MentionRole r);

// The countries named before, in order, for "the two countries": each with
// whether it stood in a list of three or more (a trilateral list is not "the
// two"). Kept by the caller across the sentences of a paragraph.
struct NamedBefore {
    CountryCode code;
    bool in_long_list = false;
};

struct SentenceInput {
    std::string_view text;                  // the whole document, as given
    Span sentence;
    std::vector<const ActorMatch*> actors;  // the countries named in the sentence, in order
    std::vector<CueHit> cues;               // the cues in the sentence, in order
    std::vector<Span> dates;                // the date mentions in the sentence, in order
    Span dateline;                          // the document's dateline, if any ({0, 0}: none)
    bool military = false;                  // a military act: a city "in" it is a target, not a venue
    const std::vector<NamedBefore>* before = nullptr;  // earlier sentences of the paragraph
    const std::vector<std::string>* glued_and = nullptr;  // ParticipantCues::glued_conjunctions()
};

class SentenceParticipants {
public:
    explicit SentenceParticipants(SentenceInput in);

    // The participants of the event dated by `date`, which lies in `clause`
    // (a part of the sentence, or all of it). Empty when the clause and the
    // sentence name no participant. The date's confidence scales each pair's.
    std::vector<Participants> pairs_for(Span clause, const Mention& date) const;
    // A sentence that names no participant but the city where something
    // happened ("protests in Basra on Thursday", "an explosion in Kabul"): that
    // country alone; empty when it names no venue, venues of two countries, or
    // a meeting (the city where others met is no party).
    std::vector<Participants> place_alone(const Mention& date) const;
    // The participants named inside `phrase` alone (a named war or accord);
    // empty when it names none.
    std::vector<Participants> pairs_within(Span phrase, const Mention& date) const;
    // The participants of the sentence as a whole (a date of the dateline
    // dates the lead sentence's main act).
    std::vector<Participants> sentence_pairs(float date_confidence) const;
    bool has_participants() const { return !groups_.empty(); }
    // Whether `part` names a country no preposition governs (its own subject).
    bool has_subject(Span part) const;
    // Whether `part` opens with a cue of `role` ("that": what was said follows).
    bool opens_with(Span part, CueRole role) const;

    // Appends this sentence's participants, in order, to `history`.
    void remember(std::vector<NamedBefore>& history) const;
    // One line per named country and per group: role, rule, subject.
    std::string explain() const;

private:
    struct Member {
        CountryCode code;
        float weight = 1.0f;
        Span span;
        ActorType type = ActorType::Country;
    };
    struct Group {
        std::vector<Member> members;
        Span span;
        PairCue tie = PairCue::Joint;  // what ties its members, when they are paired
        bool tied = false;             // a cue ties them whatever their place in the clause
        bool governed = false;         // a preposition governs it: not a subject
        ActorType last_type = ActorType::Country;  // of its last name (a date right after an adjective qualifies it)
    };
    struct Named {
        const ActorMatch* match;
        MentionRole role = MentionRole::Participant;
        const char* rule = "";
        bool where = false;  // a venue: where the event happened ("in Baghdad")
    };

    void classify();
    bool apposition(const Named& first, const Named& second) const;
    void group();
    void add_two_countries();
    void find_asides_and_parts();
    void find_subordinates();
    // The visible groups of a date that lies in `part`, less the asides and
    // subordinate clauses it is not in.
    std::vector<const Group*> visible(Span part, const Mention* date) const;
    bool in(const Group& g, Span s) const;
    const Group* subject_of(Span part) const;
    PairCue link_of(const Group& g, Span part) const;
    // Who acts toward `object`: the subject, or an object named between them
    // that the cue before `object` ties it to.
    const Group* nearer_actor(const Group& object, const Group& subject, const std::vector<const Group*>& objects,
                              Span part) const;
    bool adjacent_to_date(const Group& g, const Mention* date) const;
    // The group ends in an adjective ("American", "German"): it qualifies a noun.
    bool qualifier(const Group& g) const;
    bool date_between(size_t from, size_t to) const;
    size_t words_between(size_t from, size_t to) const;
    // Two countries in one list: only commas, hyphens, slashes and
    // conjunctions between them ("Russia, Turkey and Iran", "U.S.-Japanese").
    bool coordinated(Span a, Span b) const;
    bool cue_between(size_t from, size_t to, CueRole role) const;
    const CueHit* outlet_before(size_t pos) const;
    bool clause_mark_between(size_t from, size_t to) const;
    const CueHit* cue_before(size_t pos, CueRoles roles, size_t max_words) const;
    const CueHit* cue_after(size_t pos, CueRoles roles, size_t max_words) const;
    // `part_only`: not even the sentence's subject for a part that has none.
    std::vector<Participants> pairs_in(Span part, const Mention* date, float confidence, bool part_only = false) const;

    SentenceInput in_;
    std::vector<Named> named_;
    std::vector<Group> groups_;
    std::vector<Span> asides_;  // "…, whose shipping came under attack by Iran, …"
    std::vector<Span> parts_;   // the sentence cut at comparisons
    // "…, a day after Russia, Turkey and Iran failed to agree", "in case it
    // acquires Russian missiles": another act, or none; a date inside one
    // sees only its countries.
    std::vector<Span> subordinates_;
    std::vector<std::string> notes_;
};

}  // namespace tarikh::events
