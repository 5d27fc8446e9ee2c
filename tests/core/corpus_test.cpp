// Runs every case of the public dev set and of each language's example corpus
// (engine/lang/*/examples.jsonl) with the scorer's rule: a mention overlapping
// the expression whose interval (or the union of the overlapping ones) equals
// the expected one within `tol` days; no DATE mention in a negative case.
#include "tarikh/parser.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace tarikh {
namespace {

struct Case {
    std::string file;
    int line;
    nlohmann::json j;
};

std::vector<Case> load(const std::string& path) {
    std::vector<Case> out;
    std::ifstream in(path);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty()) continue;
        out.push_back({path, n, nlohmann::json::parse(line)});
    }
    return out;
}

const Parser& parser() {
    static const Parser p;
    return p;
}

// The rules that read a mention of `r`, as --explain names them: a failure
// says which rule to look at.
std::string rules_of(const ParseResult& r, const Mention& m) {
    std::string s;
    for (std::string_view rule : r.explanations.at(static_cast<size_t>(&m - r.mentions.data())).rules)
        s += (s.empty() ? "" : " > ") + std::string(rule);
    return s;
}

// Empty string when the case passes, else what went wrong.
// With `detect`, the case's language is not given: detected, it must still pass.
std::string check(const nlohmann::json& c, bool detect = false) {
    ParseOptions opt;
    opt.explain = true;
    if (!detect) opt.lang = find_language(c.value("lang", "auto"));  // "auto": nullopt, detect
    if (c.contains("dct") && c["dct"].is_string()) opt.dct = parse_iso(c["dct"].get<std::string>());
    const std::string text = c["text"];
    ParseResult r = parser().parse(text, opt);
    if (c["expr"].is_null()) {
        for (const Mention& m : r.mentions)
            if (m.type == MentionType::Date)
                return "false positive: " + text.substr(m.span.begin, m.span.end - m.span.begin) + " (rule " +
                       rules_of(r, m) + ")";
        return "";
    }
    const std::string expr = c["expr"];
    size_t b = text.find(expr);
    if (b == std::string::npos) return "expr not in text";
    size_t e = b + expr.size();
    std::vector<const Mention*> over;
    for (const Mention& m : r.mentions)
        if (m.span.begin < e && b < m.span.end) over.push_back(&m);
    if (over.empty()) return "missed";
    // A case that names a TIMEX3 type (DURATION, SET) wants an overlapping
    // mention of that type and value; its bounds may be null (a length the
    // text does not place).
    if (c.contains("type")) {
        const std::string type = c["type"], value = c.value("value", "");
        auto same = [&](const Mention* m) { return to_string(m->type) == type && (value.empty() || m->value == value); };
        auto it = std::find_if(over.begin(), over.end(), same);
        if (it == over.end()) {
            std::string got;
            for (const Mention* m : over) got += " [" + std::string(to_string(m->type)) + " " + m->value + " rule " + rules_of(r, *m) + "]";
            return "wrong type or value:" + got;
        }
        if (c["earliest"].is_null()) return (*it)->interval.anchored() ? "bounds where none were expected" : "";
        over = {*it};
    }
    // "earliest": null: a date out of the store's years (500 BC), given by its
    // value with null bounds, never by days of another year.
    if (c["earliest"].is_null()) {
        std::string got;
        for (const Mention* m : over) {
            if (!m->interval.anchored() && m->value == c.value("value", "")) return "";
            got += " [" + m->value + " rule " + rules_of(r, *m) + "]";
        }
        return "wrong (want null bounds, " + c.value("value", "") + "):" + got;
    }
    auto want_a = parse_iso(c["earliest"].get<std::string>()), want_z = parse_iso(c["latest"].get<std::string>());
    int tol = c.value("tol", 0);
    std::optional<Day> ua, uz;
    std::string got;
    auto close = [&](Day x, Day y) { return std::abs((x - y).count()) <= tol; };
    for (const Mention* m : over) {
        got += " [" + m->value + " " + (m->interval.earliest ? format_iso(*m->interval.earliest) : "null") + ".." +
               (m->interval.latest ? format_iso(*m->interval.latest) : "null") + " rule " + rules_of(r, *m) + "]";
        if (!m->interval.anchored()) continue;
        if (close(*m->interval.earliest, *want_a) && close(*m->interval.latest, *want_z)) return "";
        ua = ua ? std::min(*ua, *m->interval.earliest) : *m->interval.earliest;
        uz = uz ? std::max(*uz, *m->interval.latest) : *m->interval.latest;
    }
    if (ua && close(*ua, *want_a) && close(*uz, *want_z)) return "";
    return "wrong:" + got;
}

void run_file(const std::string& path, bool detect = false) {
    auto cases = load(path);
    ASSERT_FALSE(cases.empty()) << path;
    int failed = 0;
    for (const Case& c : cases) {
        // "detectable": false: too short to tell its language by its letters
        // (Persian without any of the letters Arabic lacks).
        if (detect && !c.j.value("detectable", true)) continue;
        std::string why = check(c.j, detect);
        if (!why.empty()) {
            ++failed;
            ADD_FAILURE() << c.file << ":" << c.line << " " << c.j["text"].get<std::string>() << " → " << why;
        }
    }
    std::printf("%s: %zu cases, %d failed\n", path.c_str(), cases.size(), failed);
}

// A failing case names the rule that read the mention it got wrong.
TEST(Corpus, FailureNamesTheRule) {
    const auto wrong = nlohmann::json::parse(
        R"({"lang": "en", "text": "Talks resumed in March 2020.", "expr": "March 2020", "earliest": "2021-03-01", "latest": "2021-03-31"})");
    EXPECT_NE(check(wrong).find("rule month-year"), std::string::npos) << check(wrong);
    const auto negative = nlohmann::json::parse(R"({"lang": "en", "text": "Talks resumed last week.", "expr": null})");
    EXPECT_NE(check(negative).find("(rule rel-unit)"), std::string::npos) << check(negative);
}

TEST(Corpus, DevSet) { run_file(TARIKH_SOURCE_DIR "/tests/data/dates_dev.jsonl"); }

// Every language of lang/languages.tsv has its corpus, engine/lang/<code>/examples.jsonl.
class LanguageCorpus : public testing::TestWithParam<std::string> {};

TEST_P(LanguageCorpus, Examples) { run_file(TARIKH_SOURCE_DIR "/engine/lang/" + GetParam() + "/examples.jsonl"); }

// --lang auto: each corpus passes with its language detected from the text.
TEST_P(LanguageCorpus, ExamplesDetected) {
    run_file(TARIKH_SOURCE_DIR "/engine/lang/" + GetParam() + "/examples.jsonl", true);
}

std::vector<std::string> codes() {
    std::vector<std::string> out;
    for (const Language& l : languages()) out.push_back(l.code);
    return out;
}

INSTANTIATE_TEST_SUITE_P(Languages, LanguageCorpus, testing::ValuesIn(codes()),
                         [](const testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace tarikh
