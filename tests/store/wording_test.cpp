// The wording sketch a writer keeps of stored events rules candidates out
// without reading their rows; it must never rule out one that would match.
#include "store/wording.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace tarikh::store {
namespace {

// Sentences of one lane written to a few patterns, as busy lanes are, and
// near copies of them (a word dropped or added, punctuation changed).
std::vector<std::string> lane_sentences(size_t n, uint64_t seed) {
    const std::vector<std::string> who{"Officials from Iran and Iraq", "Iran and Iraq", "Envoys of Iran and Iraq"};
    const std::vector<std::string> did{"held talks on", "signed an agreement on", "discussed", "agreed to expand"};
    const std::vector<std::string> what{"gas exports", "the border", "railway links", "water sharing"};
    std::mt19937_64 rng(seed);
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i) {
        std::string s = who[rng() % who.size()] + " " + did[rng() % did.size()] + " " + what[rng() % what.size()] +
                        " in " + std::to_string(2000 + rng() % 3) + ", " + std::to_string(rng() % 50) + " people said";
        out.push_back(s);
        if (rng() % 3 == 0) out.push_back("Reportedly, " + s + " on Monday.");
        if (rng() % 3 == 0) out.push_back(s.substr(0, s.rfind(',')) + ".");
    }
    return out;
}

TEST(WordingSketch, NeverRulesOutAPairThatMatches) {
    const auto sentences = lane_sentences(120, 7);
    std::vector<Shingles> shingles;
    for (const auto& s : sentences) shingles.push_back(shingles_of(s));
    size_t matching = 0, ruled_out = 0, pairs = 0;
    for (size_t i = 0; i < shingles.size(); ++i) {
        const WordingSketch k = sketch_wording("IQ-IR", shingles[i]);
        for (size_t j = 0; j < shingles.size(); ++j) {
            const double exact = jaccard(shingles[j], shingles[i]);
            const double bound = jaccard_bound(shingles[j], k);
            ASSERT_GE(bound, exact) << sentences[j] << " | " << sentences[i];
            ++pairs;
            matching += exact >= kSameWording;
            ruled_out += bound < kSameWording;
        }
    }
    EXPECT_GT(matching, shingles.size());  // the near copies
    // Most pairs of one lane that do not match are ruled out by the sketch alone.
    EXPECT_GT(ruled_out, (pairs - matching) * 3 / 4);
}

TEST(WordingSketch, KnowsThePairsAndSaysWhenItKnowsNothing) {
    const Shingles s = shingles_of("Iran and Iraq held talks on the border");
    EXPECT_NE(sketch_wording("IQ-IR", s).pairs, sketch_wording("IQ-SY", s).pairs);
    EXPECT_EQ(jaccard_bound(s, WordingSketch{}), 1.0);  // unknown: the row must be read
    EXPECT_EQ(jaccard_bound(s, sketch_wording("IQ-IR", s)), 1.0);
    EXPECT_EQ(jaccard_bound(Shingles{}, sketch_wording("IQ-IR", Shingles{})), 1.0);
}

}  // namespace
}  // namespace tarikh::store
