// The real binary renders under Xvfb (started here, on a display it picks) and
// the PNG is checked: lane rows carry marks, in several of the kind colours.
#include "synthetic.h"

#include "tarikh/store.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace tarikh;

namespace {

// An X server of our own: `-displayfd` makes Xvfb choose a free display and
// write its number, so tests running side by side do not collide.
class Xvfb {
public:
    Xvfb() {
        int fds[2];
        if (pipe(fds) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            close(fds[0]);
            std::string fd = std::to_string(fds[1]);
            int devnull = open("/dev/null", O_WRONLY);
            if (devnull >= 0) {
                dup2(devnull, 1);
                dup2(devnull, 2);
            }
            execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp", nullptr);
            _exit(127);
        }
        close(fds[1]);
        pollfd p{fds[0], POLLIN, 0};
        std::string num;
        while (poll(&p, 1, 10000) > 0) {
            char buf[16];
            ssize_t n = read(fds[0], buf, sizeof buf);
            if (n <= 0) break;
            num.append(buf, static_cast<size_t>(n));
            if (num.find('\n') != std::string::npos) break;
        }
        close(fds[0]);
        while (!num.empty() && (num.back() == '\n' || num.back() == ' ')) num.pop_back();
        if (!num.empty()) display_ = ":" + num;
    }
    ~Xvfb() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    const std::string& display() const { return display_; }

private:
    pid_t pid_ = -1;
    std::string display_;
};

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
    std::array<int, 3> at(int x, int y) const {
        size_t i = (static_cast<size_t>(y) * w + x) * 4;
        return {px[i], px[i + 1], px[i + 2]};
    }
};

Image load_png(const fs::path& p) {
    Image img;
    int n = 0;
    unsigned char* data = stbi_load(p.c_str(), &img.w, &img.h, &n, 4);
    if (!data) return img;
    img.px.assign(data, data + static_cast<size_t>(img.w) * img.h * 4);
    stbi_image_free(data);
    return img;
}

// The kind colours of ui.cpp, as drawn at full opacity on the dark background.
const std::array<std::array<int, 3>, 6> kKinds = {{{72, 139, 240}, {224, 64, 64}, {242, 146, 40},
                                                   {232, 208, 56}, {64, 184, 96}, {168, 116, 224}}};

int kind_at(const std::array<int, 3>& c) {
    for (size_t k = 0; k < kKinds.size(); ++k) {
        int d = 0;
        for (int i = 0; i < 3; ++i) d += std::abs(c[i] - kKinds[k][i]);
        if (d < 40) return static_cast<int>(k);
    }
    return -1;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

int run(const std::string& display, const std::string& args, std::string* output = nullptr) {
    fs::path log = fs::temp_directory_path() / ("tarikh-view-" + std::to_string(getpid()) + ".log");
    std::string cmd = "DISPLAY=" + display + " " + shell_quote(TARIKH_VIEW_EXE) + " " + args + " > " +
                      shell_quote(log.string()) + " 2>&1";
    int rc = std::system(cmd.c_str());
    if (output) {
        std::ifstream in(log);
        std::stringstream ss;
        ss << in.rdbuf();
        *output = ss.str();
    }
    fs::remove(log);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Rows are found from the first group header (its own background in the
// label column) and the row height; each row's canvas is checked for marks.
struct LaneCheck {
    int rows = 0;
    int rows_with_marks = 0;
    std::set<int> kinds;
};

LaneCheck check_lanes(const Image& img, int row_h = 22) {
    LaneCheck c;
    const int label_x = 120;  // inside the label column
    int top = -1;
    for (int y = 40; y < img.h - 40 && top < 0; ++y) {
        auto bg = img.at(label_x, y);
        if (std::abs(bg[0] - 40) < 3 && std::abs(bg[1] - 43) < 3 && std::abs(bg[2] - 54) < 3) top = y;
    }
    if (top < 0) return c;
    for (int y0 = top; y0 + row_h < img.h - 40; y0 += row_h) {
        ++c.rows;
        bool marks = false;
        for (int y = y0 + 3; y < y0 + row_h - 3; ++y)
            for (int x = 250; x < img.w - 20; ++x) {
                auto p = img.at(x, y);
                int k = kind_at(p);
                if (k >= 0) c.kinds.insert(k);
                // A kind colour, or a light density mark (grid lines stay darker).
                if (k >= 0 || p[0] + p[1] + p[2] > 280) marks = true;
            }
        c.rows_with_marks += marks;
    }
    return c;
}

class Render : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(TARIKH_VIEW_EXE)) GTEST_SKIP() << "tarikh-view is not built";
        xvfb_ = std::make_unique<Xvfb>();
        if (xvfb_->display().empty()) GTEST_SKIP() << "Xvfb could not start (is the xvfb package installed?)";
        dir_ = fs::temp_directory_path() / ("tarikh-render-" + std::to_string(getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty()) fs::remove_all(dir_);
        xvfb_.reset();
    }
    std::unique_ptr<Xvfb> xvfb_;
    fs::path dir_;
};

}  // namespace

TEST_F(Render, StoreRendersLanesInSeveralColours) {
    // A store written through the engine's own interface.
    fs::path db = dir_ / "events.db";
    {
        auto store = open_sqlite_store(db, OpenMode::ReadWrite);
        auto events = viewer::synthetic_events(600, 9);
        store->add_events(events);
    }
    fs::path png = dir_ / "lanes.png";
    std::string out;
    ASSERT_EQ(run(xvfb_->display(), "--db " + shell_quote(db.string()) + " --expand --size 1280x800 --screenshot " +
                                        shell_quote(png.string()),
                  &out),
              0)
        << out;
    Image img = load_png(png);
    ASSERT_EQ(img.w, 1280);
    ASSERT_EQ(img.h, 800);
    LaneCheck c = check_lanes(img);
    EXPECT_GE(c.rows, 20);
    EXPECT_GE(c.rows_with_marks, c.rows * 3 / 4) << "lane rows without marks";
    EXPECT_GE(c.kinds.size(), 4u) << "lanes should show several kinds";
}

TEST_F(Render, SeedsStore) {
    // The seeds through the whole pipeline, when the CLI can ingest them.
    if (!fs::exists(TARIKH_CLI_EXE)) GTEST_SKIP() << "tarikh is not built";
    fs::path db = dir_ / "seeds.db";
    std::string cmd = shell_quote(TARIKH_CLI_EXE) + " ingest --db " + shell_quote(db.string()) + " " +
                      shell_quote(std::string(TARIKH_SOURCE_DIR) + "/seeds") + " > /dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0 || !fs::exists(db)) GTEST_SKIP() << "tarikh ingest is not available yet";
    {
        auto store = open_sqlite_store(db, OpenMode::ReadOnly);
        if (store->all_events().empty()) GTEST_SKIP() << "the seeds gave no dated events";
    }
    fs::path png = dir_ / "seeds.png";
    std::string out;
    ASSERT_EQ(run(xvfb_->display(), "--db " + shell_quote(db.string()) + " --expand --screenshot " +
                                        shell_quote(png.string()),
                  &out),
              0)
        << out;
    Image img = load_png(png);
    ASSERT_GT(img.w, 0);
    LaneCheck c = check_lanes(img);
    EXPECT_GE(c.rows, 2);
    EXPECT_GE(c.rows_with_marks, 2);
    EXPECT_GE(c.kinds.size(), 2u);
}

TEST_F(Render, PersianLabelsSecondAxisAndTooltip) {
    fs::path png = dir_ / "fa.png";
    std::string out;
    ASSERT_EQ(run(xvfb_->display(), "--synthetic 3000 --lang fa --axis solar_hijri --view 2015:2024 --mouse 700,140 "
                                    "--screenshot " + shell_quote(png.string()),
                  &out),
              0)
        << out;
    Image img = load_png(png);
    ASSERT_GT(img.w, 0);
    EXPECT_GE(check_lanes(img).rows_with_marks, 3);
}

TEST_F(Render, ANonStoreIsRefusedAndLeftAlone) {
    fs::path bad = dir_ / "notes.db";
    {
        std::ofstream f(bad);
        f << "not a database\n";
    }
    auto before = fs::file_size(bad);
    std::string out;
    EXPECT_EQ(run(xvfb_->display(), "--db " + shell_quote(bad.string()) + " --screenshot " +
                                        shell_quote((dir_ / "x.png").string()),
                  &out),
              1);
    EXPECT_NE(out.find("notes.db"), std::string::npos) << out;
    EXPECT_EQ(fs::file_size(bad), before);
    EXPECT_FALSE(fs::exists(dir_ / "x.png"));
}
