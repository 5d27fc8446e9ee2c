// tarikh-view: the window, the OpenGL context and the frame loop around ui.cpp.
//
//   tarikh-view [--db tarikh.db]                      a window on the store
//   tarikh-view --screenshot out.png [--size WxH] [--view FROM:TO] [--frames N]
//   tarikh-view --bench-frames N                      scripted zoom and pan, prints frame CPU time
//
// The store is read on a second thread so the window shows at once; the first
// frames say what is being read.
#include "loader.h"
#include "ui.h"
#include "ui_internal.h"

#include "tarikh/store.h"

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <thread>

using namespace tarikh;
using namespace tarikh::viewer;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double peak_rss_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

bool parse_size(const std::string& s, int& w, int& h) {
    return std::sscanf(s.c_str(), "%dx%d", &w, &h) == 2 && w >= 200 && h >= 150 && w <= 8192 && h <= 8192;
}

bool parse_view(const std::string& s, View& v) {
    auto colon = s.find(':', 1);  // a leading '-' is a year before 1
    if (colon == std::string::npos) return false;
    int32_t a, b;
    if (!parse_partial_date(s.substr(0, colon), false, a) || !parse_partial_date(s.substr(colon + 1), true, b)) return false;
    if (b < a) return false;
    v = clamped({static_cast<double>(a), static_cast<double>(b) + 1});
    return true;
}

bool write_png(const std::string& path, int w, int h) {
    std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // OpenGL's rows go bottom-up.
    std::vector<unsigned char> flipped(px.size());
    for (int y = 0; y < h; ++y)
        std::copy_n(&px[static_cast<size_t>(h - 1 - y) * w * 4], static_cast<size_t>(w) * 4, &flipped[static_cast<size_t>(y) * w * 4]);
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    std::filesystem::path p(path);
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
    return stbi_write_png(path.c_str(), w, h, 4, flipped.data(), w * 4) != 0;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(std::ceil(q * v.size())) - 1;
    return v[std::min(i, v.size() - 1)];
}

// The scripted session of --bench-frames: first wheel out to the widest view
// (3,200 years), then cycles of wheel zoom from there down to a day around a
// busy time, drag pans at the deepest zoom, wheel back out with short pans at
// every depth, and drag pans at the widest view; the mouse stays over the
// lanes so tooltips are drawn as well. The whole range the issue asks for, 3,000
// years to a day, is crossed in both directions each cycle. Input goes through
// io like a person's would (ImGui 1.86 has no input queue).
struct BenchScript {
    int frame = 0;       // frames of the cycles, after the widening
    int applied = 0;     // every frame driven, the widening included
    bool wide = false;   // the widest view was reached
    float anchor_x = 0;  // where the cursor zooms around

    void apply(ImGuiIO& io, const Layout& layout, double span_days) {
        const float y = layout.rows_min.y + layout.row_h * 2.5f;
        io.MouseWheel = 0;
        io.MouseDown[0] = false;
        io.MousePos = {anchor_x, y};
        ++applied;
        if (!wide && span_days < kMaxSpanDays * 0.999) {
            io.MouseWheel = -1;
            return;
        }
        wide = true;
        const int zoom_frames = 66;  // 0.8 per notch: 3,200 years to a day in 63
        const int out_frames = 99;
        const int phase_len = zoom_frames + out_frames + 60;
        int k = frame % phase_len;
        if (k < zoom_frames) {
            io.MouseWheel = 1;
        } else if (k < zoom_frames + 30) {
            // Drag right then left at the deepest zoom.
            int j = k - zoom_frames;
            io.MouseDown[0] = j > 0 && j < 29;
            io.MousePos = {anchor_x + (j < 15 ? j * 12.0f : (29 - j) * 12.0f), y};
        } else if (k < zoom_frames + 30 + out_frames) {
            // Out, with a short pan after every 11 notches: 68 notches in
            // all, back to the widest view. Each pan goes and comes back, so
            // every cycle zooms into the same busy time.
            int j = (k - zoom_frames - 30) % 16;
            io.MouseWheel = j < 11 ? -1 : 0;
            if (j >= 11) {
                static const float offset[] = {0, 16, 32, 0, 0};
                io.MouseDown[0] = j != 15;
                io.MousePos = {anchor_x + offset[j - 11], y};
            }
        } else {
            int j = k - zoom_frames - 30 - out_frames;
            io.MouseDown[0] = j > 0 && j < 29;
            io.MousePos = {anchor_x + (j < 15 ? j * 10.0f : (29 - j) * 10.0f), y + 40};
        }
        ++frame;
    }
};

// One frame of --bench-frames.
struct Sample {
    double cpu_ms, ui_ms, wall_ms, span;
    int vertices;
};

const char* band_of(double span_days) {
    if (span_days >= 1000 * kDaysPerYear) return ">=1000y";
    if (span_days >= 100 * kDaysPerYear) return "100-1000y";
    if (span_days >= 10 * kDaysPerYear) return "10-100y";
    if (span_days >= kDaysPerYear) return "1-10y";
    if (span_days >= 30) return "1-12mo";
    if (span_days >= 7) return "1-4wk";
    return "<1wk";
}

// Every frame, so a slow one can be found again (which zoom, which frame of
// the script) rather than only counted in a percentile.
void write_bench_log(const std::string& path, const std::vector<Sample>& samples) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "tarikh-view: cannot write %s\n", path.c_str());
        return;
    }
    std::fprintf(f, "frame,span_days,band,cpu_ms,ui_ms,wall_ms,vertices\n");
    for (size_t i = 0; i < samples.size(); ++i) {
        const Sample& s = samples[i];
        std::fprintf(f, "%zu,%.3f,%s,%.3f,%.3f,%.3f,%d\n", i, s.span, band_of(s.span), s.cpu_ms, s.ui_ms, s.wall_ms,
                     s.vertices);
    }
    std::fclose(f);
}

}  // namespace

int main(int argc, char** argv) {
    const auto t_start = Clock::now();
    // Vertex buffers of a few MB are allocated and freed every frame (ImGui's
    // GL backend re-uploads them, llvmpipe copies them). With glibc's default
    // thresholds each new size was mapped fresh and faulted in, which made
    // the first frame at a denser zoom 10 ms slower; kept in the heap, a
    // frame reuses the memory of the one before.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    CLI::App app{"tarikh-view: zoomable lanes of dated events, one per country pair"};
    std::string db = "tarikh.db", screenshot, size = "1280x800", view_arg, lang(to_string(Lang{})), axis = "gregorian";
    std::string who, text, mouse, bench_log;
    int frames = 3, bench_frames = 0;
    size_t synthetic = 0;
    bool click = false, right_click = false, tray = false, expand = false;
    std::string keys;
    app.add_option("--db", db, "the store to show")->capture_default_str();
    app.add_option("--screenshot", screenshot, "render without a person and write this PNG, then exit");
    app.add_option("--size", size, "window size WxH")->capture_default_str();
    app.add_option("--view", view_arg, "visible time FROM:TO, e.g. 1990:2025 or 2023-10-01:2023-10-31");
    app.add_option("--frames", frames, "frames to render before the screenshot")->capture_default_str();
    app.add_option("--bench-frames", bench_frames, "scripted zoom and pan over N frames; prints frame CPU time p50/p99");
    app.add_option("--bench-log", bench_log, "with --bench-frames: write each frame's figures to this CSV file");
    std::string codes;  // lang/languages.tsv
    for (const Language& l : languages()) codes += (codes.empty() ? "" : ", ") + l.code;
    app.add_option("--lang", lang, "the language of the window's words and lane labels: " + codes)->capture_default_str();
    app.add_option("--axis", axis, "second time axis: gregorian (none), solar_hijri or islamic")->capture_default_str();
    app.add_option("--who", who, "filter: countries and pairs, e.g. \"IR, AZ-IL\"");
    app.add_option("--text", text, "filter: words of the sentence");
    app.add_option("--mouse", mouse, "screenshot: mouse at X,Y (shows the tooltip there)");
    app.add_flag("--click", click, "screenshot: click at --mouse (opens the details panel)");
    app.add_flag("--right-click", right_click, "screenshot: right-click at --mouse (the event's menu)");
    app.add_option("--keys", keys, "screenshot: keys pressed one a frame after the click, e.g. C (confirm) or ] (next)");
    app.add_flag("--tray", tray, "open the undated tray");
    app.add_flag("--expand", expand, "open every country group");
    app.add_option("--synthetic", synthetic, "show N generated events instead of a store (development, benchmarks)");
    CLI11_PARSE(app, argc, argv);

    int width = 1280, height = 800;
    if (!parse_size(size, width, height)) {
        std::fprintf(stderr, "tarikh-view: --size wants WxH, e.g. 1280x800\n");
        return 2;
    }
    View start_view;
    const bool have_view = !view_arg.empty();
    if (have_view && !parse_view(view_arg, start_view)) {
        std::fprintf(stderr, "tarikh-view: --view wants FROM:TO, e.g. 1990:2025 or 2023-10-01:2023-10-31\n");
        return 2;
    }
    float mouse_x = -1, mouse_y = -1;
    if (!mouse.empty() && std::sscanf(mouse.c_str(), "%f,%f", &mouse_x, &mouse_y) != 2) {
        std::fprintf(stderr, "tarikh-view: --mouse wants X,Y\n");
        return 2;
    }
    const std::optional<Lang> ui_lang = find_language(lang);
    if (!ui_lang) {
        std::fprintf(stderr, "tarikh-view: --lang %s: not a language of lang/languages.tsv (%s)\n", lang.c_str(),
                     codes.c_str());
        return 2;
    }
    const bool headless = !screenshot.empty() || bench_frames > 0;

    // Read the store at once, while the window opens.
    Loader loader;
    if (synthetic)
        loader.start_synthetic(synthetic);
    else
        loader.start_store(db);

    glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "tarikh-view: GLFW %d: %s\n", code, msg); });
    if (!glfwInit()) {
        std::fprintf(stderr, "tarikh-view: cannot open a display (is DISPLAY set? under no display, run with xvfb-run)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    if (headless) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(width, height, "tarikh", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "tarikh-view: cannot create an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(headless ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui::GetStyle().FrameRounding = 3;
    if (!load_fonts(16.0f)) std::fprintf(stderr, "tarikh-view: Noto fonts not found; Persian and Arabic will not show\n");
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    UiState ui;
    ui.lang = *ui_lang;
    ui.second_axis = axis == "solar_hijri" ? SecondAxis::SolarHijri : axis == "islamic" ? SecondAxis::Islamic : SecondAxis::None;
    ui.filter.who = who;
    ui.filter.text = text;
    ui.show_tray = tray;

    bool loaded = false;    // some data is shown
    bool complete = false;  // all of it
    int data_frames = 0;    // frames drawn with all the data
    int exit_code = 0;
    double first_frame_s = -1, first_data_frame_s = -1, complete_frame_s = -1;
    BenchScript script;
    std::vector<Sample> samples;
    const std::string loading_msg =
        synthetic ? words(ui).format("loading.synthetic", {{"n", static_cast<int64_t>(synthetic)}})
                  : words(ui).format("loading.store", {{"store", db}});

    while (!glfwWindowShouldClose(window)) {
        if (headless) {
            glfwPollEvents();
            // While the store is read, draw a frame now and then: llvmpipe
            // would otherwise take a core from the reader.
            if (!complete) std::this_thread::sleep_for(std::chrono::milliseconds(loaded ? 100 : 30));
        } else if (complete) {
            glfwWaitEventsTimeout(ui.filter_edited_at >= 0 ? 0.05 : 0.5);
        } else {
            glfwWaitEventsTimeout(0.1);
        }

        if (auto d = loader.take()) {
            set_data(ui, d);
            if (!loaded) {
                if (expand) std::fill(ui.collapsed.begin(), ui.collapsed.end(), 0);
                if (have_view) {
                    ui.view = start_view;
                    ui.view_touched = true;
                }
            } else if (expand) {
                std::fill(ui.collapsed.begin(), ui.collapsed.end(), 0);
            }
            loaded = true;
            complete = !d->loading;
            if (complete && bench_frames)
                std::printf("loaded %zu events (%zu undated) from %s in %.2f s\n", d->table.size(), d->undated.size(),
                            d->source.c_str(), loader.seconds());
        }
        if (!loaded && loader.done()) {
            std::fprintf(stderr, "tarikh-view: %s\n", loader.error().c_str());
            exit_code = 1;
            break;
        }

        const auto wall0 = Clock::now();
        const double cpu0 = thread_cpu_ms();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (complete && bench_frames && data_frames > 0) {
            if (script.applied == 0) {
                // The script's presses are pans: two of them at one spot a
                // moment apart must not count as a double-click (which zooms)
                // just because frames ran faster this time.
                io.MouseDoubleClickTime = 0;
                // Zoom around the median event: where the data is densest.
                const auto& first = ui.data->table.first;
                double median = first.empty() ? 0 : first[first.size() / 2];
                const Layout& l = last_layout();
                script.anchor_x = static_cast<float>(ui.view.x_of(median, l.rows_min.x, l.rows_max.x - l.rows_min.x));
                if (script.anchor_x <= l.rows_min.x) script.anchor_x = (l.rows_min.x + l.rows_max.x) / 2;
            }
            script.apply(io, last_layout(), ui.view.span());
        } else if (complete && mouse_x >= 0) {
            io.MousePos = {mouse_x, mouse_y};
            // Press on the first frame, release on the second: a click; then
            // the keys, one a frame (as a person's would come).
            io.MouseDown[0] = click && data_frames == 1;
            io.MouseDown[1] = right_click && data_frames == 1;
            for (int k = 0; k < 512; ++k) io.KeysDown[k] = false;
            const int key_at = data_frames - 3;
            if (key_at >= 0 && static_cast<size_t>(key_at) < keys.size()) {
                const char c = keys[static_cast<size_t>(key_at)];
                if (c >= 'a' && c <= 'z') io.KeysDown[c - 'a' + 'A'] = true;
                else if (c >= 'A' && c <= 'Z') io.KeysDown[static_cast<int>(c)] = true;
                else io.AddInputCharacter(static_cast<unsigned>(c));
            }
        }
        ImGui::NewFrame();
        if (loaded)
            draw_viewer(ui);
        else
            draw_loading(loading_msg.c_str(), seconds_since(t_start));
        ImGui::Render();
        const double ui_ms = thread_cpu_ms() - cpu0;

        int fw, fh;
        glfwGetFramebufferSize(window, &fw, &fh);
        glViewport(0, 0, fw, fh);
        glClearColor(0.09f, 0.09f, 0.11f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        const double cpu_ms = thread_cpu_ms() - cpu0;
        ui.frame_ms = static_cast<float>(cpu_ms);

        if (first_frame_s < 0) first_frame_s = seconds_since(t_start);
        if (loaded && first_data_frame_s < 0) first_data_frame_s = seconds_since(t_start);
        if (complete) {
            ++data_frames;
            if (complete_frame_s < 0) complete_frame_s = seconds_since(t_start);
        }
        if (!ui.save_png.empty()) {
            // "Save the view as PNG": this frame, as drawn.
            const std::string path = ui.save_png;
            ui.save_png.clear();
            const bool ok = write_png(path, fw, fh);
            tell(ui, words(ui).format(ok ? "png.saved" : "png.failed", {{"path", path}}));
        }
        if (complete && !screenshot.empty() &&
            data_frames >= std::max(frames, std::max(click || right_click ? 4 : 1, static_cast<int>(keys.size()) + 5))) {
            if (!write_png(screenshot, fw, fh)) {
                std::fprintf(stderr, "tarikh-view: cannot write %s\n", screenshot.c_str());
                exit_code = 1;
            }
            break;
        }
        glfwSwapBuffers(window);
        if (complete && bench_frames && script.applied > 0) {
            glFinish();  // llvmpipe rasterizes on the CPU: count it in the wall time, apart
            samples.push_back({cpu_ms, ui_ms, std::chrono::duration<double, std::milli>(Clock::now() - wall0).count(),
                               ui.view.span(), ImGui::GetDrawData()->TotalVtxCount});
            if (static_cast<int>(samples.size()) >= bench_frames) break;
        }
    }

    if (bench_frames && !samples.empty()) {
        std::vector<double> cpu, uims, wall;
        for (const auto& s : samples) {
            cpu.push_back(s.cpu_ms);
            uims.push_back(s.ui_ms);
            wall.push_back(s.wall_ms);
        }
        std::printf("first frame %.3f s after start; first with events %.3f s; with all of them %.3f s\n", first_frame_s,
                    first_data_frame_s, complete_frame_s);
        std::printf("frames %zu  (window %dx%d)\n", samples.size(), width, height);
        std::printf("frame CPU time (main thread: UI + GL submit)  p50 %.2f ms  p99 %.2f ms  max %.2f ms\n",
                    percentile(cpu, 0.5), percentile(cpu, 0.99), percentile(cpu, 1.0));
        std::printf("  of which UI (ImGui frame)                   p50 %.2f ms  p99 %.2f ms\n", percentile(uims, 0.5),
                    percentile(uims, 0.99));
        std::printf("frame wall time incl. llvmpipe rasterization   p50 %.2f ms  p99 %.2f ms\n", percentile(wall, 0.5),
                    percentile(wall, 0.99));
        std::printf("by zoom level (visible span): frames, CPU p50 / p99 ms, UI p50 / p99 ms, vertices p50\n");
        for (const char* band : {">=1000y", "100-1000y", "10-100y", "1-10y", "1-12mo", "1-4wk", "<1wk"}) {
            std::vector<double> v, u, vx;
            for (const auto& s : samples)
                if (std::string_view(band_of(s.span)) == band) {
                    v.push_back(s.cpu_ms);
                    u.push_back(s.ui_ms);
                    vx.push_back(s.vertices);
                }
            if (!v.empty())
                std::printf("  %-10s %5zu  %6.2f / %6.2f   %6.2f / %6.2f   %7.0f\n", band, v.size(), percentile(v, 0.5),
                            percentile(v, 0.99), percentile(u, 0.5), percentile(u, 0.99), percentile(vx, 0.5));
        }
        std::printf("peak memory (RSS) %.0f MB\n", peak_rss_mb());
        if (!bench_log.empty()) write_bench_log(bench_log, samples);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
