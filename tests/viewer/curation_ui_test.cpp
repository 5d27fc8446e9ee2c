// A correction made in the viewer, as a person makes it (a click, a key, the
// form), shows in `tarikh query` and in both exports, survives a second
// ingest, and undo takes it back: the viewer and the CLI read one store.
#include "loader.h"
#include "ui.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace tarikh;
using namespace tarikh::viewer;
using nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class ViewerCuration : public ::testing::Test {
protected:
    fs::path dir = fs::temp_directory_path() / ("tarikh-view-curation-" + std::to_string(getpid()));
    fs::path db = dir / "t.db";

    void SetUp() override {
        fs::remove_all(dir);
        fs::create_directories(dir / "docs");
        std::ofstream(dir / "docs/a.txt") << "Azerbaijan and Israel signed an energy agreement in Baku in December 2023.";
        std::ofstream(dir / "docs/b.txt") << "Iran and Azerbaijan held border talks in March 2021, officials said.";
        ASSERT_EQ(cli("ingest --db " + db.string() + " " + (dir / "docs").string()), 0);

        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = {1280, 800};
        io.DeltaTime = 1.0f / 60;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        load_fonts(16);
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        open_viewer();
    }
    void TearDown() override {
        ui = UiState{};  // the writer finishes what it was given
        ImGui::DestroyContext();
        fs::remove_all(dir);
    }
    void open_viewer() {
        ui = UiState{};
        auto d = std::shared_ptr<ViewerData>(load_store_paged(db.string()));
        set_data(ui, d);
        frame(2);
    }
    void frame(int n = 1) {
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            draw_viewer(ui);
            ImGui::Render();
        }
    }
    void press(int key, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frame();
    }
    // Waits for what the viewer wrote to be in the store.
    void flush() {
        ui.writer.reset();
        ui.writer = std::make_unique<CurationWriter>(db.string());
    }
    int cli(const std::string& args, std::string* out = nullptr) {
        const fs::path o = dir / "cli.out";
        const int rc = std::system((std::string(TARIKH_CLI_EXE) + " " + args + " >" + o.string() + " 2>/dev/null").c_str());
        if (out) *out = slurp(o);
        return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    }
    json query(const std::string& flags) {
        std::string out;
        EXPECT_EQ(cli("query --db " + db.string() + " --format json " + flags, &out), 0);
        return json::parse(out);
    }
    // The table row of the event whose sentence holds `words`.
    int64_t row_of(const std::string& words) {
        const EventTable& t = ui.data->table;
        for (size_t i = 0; i < t.size(); ++i)
            if (std::string(t.text(i)).find(words) != std::string::npos &&
                (ui.data->curated.row_state.empty() || ui.data->curated.row_state[i] == kRowShown))
                return static_cast<int64_t>(i);
        return -1;
    }

    UiState ui;
};

}  // namespace

TEST_F(ViewerCuration, ACorrectionMadeInTheViewerIsInQueryBothExportsAndSurvivesASecondIngest) {
    // Dismiss the talks with its key, correct the agreement's date with the form.
    const int64_t talks = row_of("border talks");
    ASSERT_GE(talks, 0);
    ui.selected = talks;
    press('X');
    EXPECT_EQ(row_of("border talks"), -1) << "a dismissed event leaves the lanes";
    const int64_t deal = row_of("energy agreement");
    ASSERT_GE(deal, 0);
    ui.selected = deal;
    press('E');
    ASSERT_TRUE(ui.form.open);
    ui.form.date = "hello 2023";
    EXPECT_FALSE(submit_correction(ui)) << "a date not read whole is refused";
    EXPECT_NE(ui.form.problem.find("hello 2023"), std::string::npos);
    ui.form.date = "7 December 2023";
    ui.form.note = "the ministry gives the day";
    ASSERT_TRUE(submit_correction(ui)) << ui.form.problem;
    frame();
    flush();

    json all = query("--dismissed");
    ASSERT_EQ(all.size(), 2u);
    json shown = query("");
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0]["earliest"], "2023-12-07");
    EXPECT_EQ(shown[0]["curation"]["note"], "the ministry gives the day");
    EXPECT_EQ(shown[0]["curation"]["machine"]["earliest"], "2023-12-01");

    ASSERT_EQ(cli("export --db " + db.string() + " --format json -o " + (dir / "x.json").string()), 0);
    json ex = json::parse(slurp(dir / "x.json"));
    ASSERT_EQ(ex["events"].size(), 1u);
    EXPECT_EQ(ex["checked"], 1);
    EXPECT_EQ(ex["events"][0]["curation"]["interval"], json::array({"2023-12-07", "2023-12-07"}));
    ASSERT_EQ(cli("export --db " + db.string() + " --format timelinejs -o " + (dir / "t.json").string()), 0);
    json tl = json::parse(slurp(dir / "t.json"));
    ASSERT_EQ(tl["events"].size(), 1u);
    EXPECT_EQ(tl["events"][0]["display_date"], "7 December 2023");
    EXPECT_NE(tl["events"][0]["text"]["text"].get<std::string>().find("checked by a person"), std::string::npos);

    // A second ingest, with a new report of the same agreement.
    std::ofstream(dir / "docs/c.txt") << "Azerbaijan and Israel signed an energy agreement in Baku in December 2023, a statement said.";
    ASSERT_EQ(cli("ingest --db " + db.string() + " " + (dir / "docs").string()), 0);
    shown = query("");
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0]["earliest"], "2023-12-07");
    // And a viewer opened afresh shows what was said.
    open_viewer();
    const int64_t again = row_of("energy agreement");
    ASSERT_GE(again, 0);
    ASSERT_NE(ui.data->curated.of(ui.data->table.id[again]), nullptr);
    EXPECT_EQ(format_iso(Day{date::days{ui.data->table.first[again]}}), "2023-12-07");
    EXPECT_EQ(row_of("border talks"), -1);
}

TEST_F(ViewerCuration, UndoTakesItBackInTheViewAndInTheStore) {
    const int64_t talks = row_of("border talks");
    ASSERT_GE(talks, 0);
    ui.selected = talks;
    press('C');
    flush();
    EXPECT_EQ(query("--checked").size(), 1u);
    press('Z', true);  // Ctrl+Z
    flush();
    EXPECT_EQ(query("--checked").size(), 0u);
    EXPECT_TRUE(ui.data->curated.by_event.empty());
    press('Y', true);  // Ctrl+Y
    flush();
    json back = query("--checked");
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0]["curation"]["verdict"], "confirmed");
}
