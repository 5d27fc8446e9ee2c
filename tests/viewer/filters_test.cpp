// The viewer's filters read what people type the way the engine reads text:
// one fold (tarikh::fold) for sentences, names and separators.
#include "filters.h"
#include "ui.h"

#include <gtest/gtest.h>

using namespace tarikh;
using namespace tarikh::viewer;

namespace {

Event event(int64_t id, std::string text, std::vector<CountryCode> actors) {
    Event e;
    e.id = id;
    e.interval = {Day{date::year{2023} / 10 / 7}, Day{date::year{2023} / 10 / 7}};
    e.value = "2023-10-07";
    e.granularity = Granularity::Day;
    e.text = std::move(text);
    e.actors = actors;
    if (actors.size() == 2) e.pairs = {{actors[0], actors[1]}};
    return e;
}

struct Filtered {
    std::unique_ptr<ViewerData> data = load_events(
        {event(1, "İSRAİL'İN açıklaması Ankara'da okundu.", {"IL", "TR"}),
         event(2, "Heyet Kasım ayında Bakü'ye\ngitti.", {"AZ"}),
         event(3, "وقّعت إيران اتفاقية.", {"IR"})},
        {}, "test");
    CountryNames names;

    std::vector<int64_t> kept(const Filter& f) {
        FilterResult r = apply_filter(f, data->table, data->base, names);
        std::vector<int64_t> ids;
        for (size_t i = 0; i < data->table.size(); ++i)
            if (r.keep.empty() || r.keep[i]) ids.push_back(data->table.id[i]);
        return ids;
    }
};

TEST(Filters, SentenceWordsFoldAsTheEngineFoldsText) {
    Filtered t;
    Filter f;
    f.text = "israil'in";  // Turkish capitals İ and I fold with i and ı
    EXPECT_EQ(t.kept(f), (std::vector<int64_t>{1}));
    f.text = "kasım bakü'ye gitti";  // a line break in the sentence is a space between words
    EXPECT_EQ(t.kept(f), (std::vector<int64_t>{2}));
    f.text = "وقعت ايران";  // harakat and alef variants
    EXPECT_EQ(t.kept(f), (std::vector<int64_t>{3}));
}

TEST(Filters, CountriesAreSeparatedByACommaOfAnyScript) {
    Filtered t;
    Filter f;
    f.who = "IR\u060C AZ";  // the Arabic comma
    EXPECT_EQ(t.kept(f), (std::vector<int64_t>{2, 3}));
    f.who = "Azerbaijan; iran";
    EXPECT_EQ(t.kept(f), (std::vector<int64_t>{2, 3}));
}

}  // namespace
