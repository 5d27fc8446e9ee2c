// Paged reading of the store gives exactly what all_events() gives, even when
// more events share a day than a page holds.
#include "loader.h"
#include "synthetic.h"

#include "tarikh/language.h"
#include "tarikh/messages.h"
#include "tarikh/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using namespace tarikh;
using namespace tarikh::viewer;

TEST(Loader, PagesReadEveryDatedEventOnce) {
    fs::path dir = fs::temp_directory_path() / ("tarikh-loader-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::path db = dir / "events.db";
    std::vector<Event> events = synthetic_events(700, 21);
    // Thirty events on one day: more than a page of 7.
    for (int i = 0; i < 30; ++i) {
        Event e = events[static_cast<size_t>(i)];
        e.interval = {Day{date::days{12000}}, Day{date::days{12000 + i % 3}}};
        e.text = "same day " + std::to_string(i);
        e.actors = {"AZ", "IL"};
        e.pairs = {{"AZ", "IL"}};
        events.push_back(e);
    }
    auto undated = synthetic_undated(5, 4);
    for (auto& e : undated) e.text += " (undated)";
    events.insert(events.end(), undated.begin(), undated.end());
    {
        auto store = open_sqlite_store(db, OpenMode::ReadWrite);
        store->add_events(events);
    }
    std::set<int64_t> want;
    {
        auto store = open_sqlite_store(db, OpenMode::ReadOnly);
        for (const Event& e : store->all_events()) want.insert(e.id);
    }
    auto d = load_store_paged(db.string(), 7);
    std::set<int64_t> got(d->table.id.begin(), d->table.id.end());
    EXPECT_EQ(got.size(), d->table.size()) << "an event was read twice";
    EXPECT_EQ(got, want);
    EXPECT_EQ(d->undated.size(), 5u);
    EXPECT_EQ(d->base.events, d->table.size());
    // Read in order: the lanes need no sort.
    EXPECT_TRUE(std::is_sorted(d->table.first.begin(), d->table.first.end()));

    Loader loader;
    loader.start_store(db.string(), 50);
    while (!loader.done()) usleep(1000);
    std::shared_ptr<const ViewerData> last = loader.take();  // the newest: the whole store
    ASSERT_TRUE(last);
    EXPECT_FALSE(last->loading);
    EXPECT_EQ(last->table.size(), want.size());
    fs::remove_all(dir);
}

TEST(Loader, MissingStoreIsAnError) {
    Loader loader;
    loader.start_store("/nonexistent/tarikh.db");
    while (!loader.done()) usleep(1000);
    EXPECT_EQ(loader.take(), nullptr);
    EXPECT_NE(loader.error().find("/nonexistent/tarikh.db"), std::string::npos);
}

TEST(Synthetic, SentencesComeFromEachLanguagesWords) {
    std::set<std::string> langs;
    for (const Event& e : synthetic_events(500, 2)) {
        langs.insert(std::string(to_string(e.lang)));
        EXPECT_EQ(e.text.find("{a}"), std::string::npos) << e.text;
        EXPECT_EQ(e.text.find("{b}"), std::string::npos) << e.text;
    }
    // Every language whose ui.tsv has synthetic.sentence.1 writes some.
    for (const Language& l : languages())
        if (Messages::of(l.code).has_own("synthetic.sentence.1")) EXPECT_TRUE(langs.count(l.code)) << l.code;
    EXPECT_GE(langs.size(), 3u);
}
