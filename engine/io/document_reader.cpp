#include "tarikh/documents.h"

#include "tarikh/event_json.h"

#include "io/input_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <stdexcept>

namespace tarikh {
namespace fs = std::filesystem;
namespace {

bool has_extension(const fs::path& p, std::string_view ext) { return p.extension() == ext; }

bool is_jsonl(const fs::path& p) { return p == "-" || has_extension(p, ".jsonl") || has_extension(p, ".ndjson"); }

// "2023-10-07" or a timestamp that starts with one ("2023-10-07T08:00:00Z").
std::optional<Day> document_date(const std::string& s) {
    if (s.size() >= 10) return parse_iso(std::string_view(s).substr(0, 10));
    return std::nullopt;
}

}  // namespace

std::vector<fs::path> expand_inputs(const std::vector<std::string>& inputs, std::vector<InputProblem>& problems) {
    std::vector<fs::path> files;
    for (const auto& in : inputs) {
        if (in == "-") {
            files.emplace_back("-");
            continue;
        }
        std::error_code ec;
        const fs::path p(in);
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
            if (ec) problems.push_back({in, "cannot list: " + ec.message()});
            for (; !ec && it != end; it.increment(ec)) {
                std::error_code fec;
                if (!it->is_regular_file(fec)) continue;
                if (has_extension(it->path(), ".txt") || has_extension(it->path(), ".jsonl")) found.push_back(it->path());
            }
            if (ec) problems.push_back({in, "cannot list: " + ec.message()});
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            files.push_back(p);
        } else {
            problems.push_back({in, "no such file or directory"});
        }
    }
    return files;
}

std::optional<std::string> read_file(const fs::path& path, std::vector<InputProblem>& problems, uint64_t max_bytes) {
    try {
        return io::read_document(path, max_bytes);
    } catch (const std::exception& e) {  // InputError, or bad_alloc for a file that does not fit
        problems.push_back({path.string(), e.what()});
        return std::nullopt;
    }
}

Document document_from_json(std::string_view line) {
    using nlohmann::json;
    json j = json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded()) throw std::runtime_error("not valid JSON");
    if (!j.is_object()) throw std::runtime_error("expected a JSON object {\"id\",\"text\",…}");
    Document d;
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) throw std::runtime_error("no \"text\" string");
    d.text = text->get<std::string>();
    if (auto id = j.find("id"); id != j.end() && !id->is_null()) {
        if (id->is_string()) {
            d.id = id->get<std::string>();
        } else if (id->is_number_integer()) {
            d.id = std::to_string(id->get<int64_t>());
        } else {
            throw std::runtime_error("\"id\" must be a string or a number");
        }
    }
    if (auto date = j.find("date"); date != j.end() && !date->is_null()) {
        if (!date->is_string()) throw std::runtime_error("\"date\" must be an ISO date string");
        d.date = document_date(date->get<std::string>());
        if (!d.date) throw std::runtime_error("\"date\" is not an ISO date: " + date->get<std::string>());
    }
    if (auto lang = j.find("lang"); lang != j.end() && !lang->is_null()) {
        // Another language is read as if undeclared: detection decides.
        if (lang->is_string()) d.lang = lang_from_string(lang->get<std::string>());
    }
    if (auto url = j.find("url"); url != j.end() && url->is_string()) d.url = url->get<std::string>();
    return d;
}

DocumentReader::DocumentReader(std::vector<fs::path> files, uint64_t max_bytes)
    : files_(std::move(files)), max_bytes_(max_bytes) {
    for (const auto& f : files_) {
        std::error_code ec;
        if (f != "-")
            if (auto size = fs::file_size(f, ec); !ec) total_bytes_ += size;
    }
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::open_next_file() {
    jsonl_.reset();
    while (next_file_ < files_.size()) {
        const fs::path& p = files_[next_file_++];
        if (!is_jsonl(p)) return true;  // a text file: read whole by next()
        line_no_ = 0;
        try {
            jsonl_ = std::make_unique<io::InputFile>(p);
        } catch (const io::InputError& e) {
            problems_.push_back({p.string(), e.what()});
            continue;
        }
        jsonl_name_ = p.string();
        return true;
    }
    return false;
}

std::optional<Document> DocumentReader::next_jsonl_line() {
    std::string line;
    bool too_long = false;
    try {
        for (uint64_t before = jsonl_->bytes_read(); jsonl_->next_line(line, max_bytes_, too_long);
             before = jsonl_->bytes_read()) {
            ++line_no_;
            bytes_read_.fetch_add(jsonl_->bytes_read() - before, std::memory_order_relaxed);
            const std::string where = jsonl_name_ + ":" + std::to_string(line_no_);
            if (too_long) {
                problems_.push_back({where, "skipped: a line over --max-bytes (" + io::size_text(max_bytes_) + ")"});
                continue;
            }
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            try {
                Document d = document_from_json(line);
                if (d.id.empty()) d.id = where;
                return d;
            } catch (const std::exception& e) {
                problems_.push_back({where, e.what()});
            }
        }
    } catch (const io::InputError& e) {
        problems_.push_back({jsonl_name_, std::string(e.what()) + " after line " + std::to_string(line_no_)});
    }
    return std::nullopt;
}

std::optional<Document> DocumentReader::next() {
    for (;;) {
        if (jsonl_) {
            if (auto d = next_jsonl_line()) return d;
            jsonl_.reset();
        }
        if (!open_next_file()) return std::nullopt;
        if (jsonl_) continue;
        const fs::path& p = files_[next_file_ - 1];
        auto text = read_file(p, problems_, max_bytes_);
        if (!text) continue;
        bytes_read_.fetch_add(text->size(), std::memory_order_relaxed);
        Document d;
        d.id = p.string();
        d.text = std::move(*text);
        return d;
    }
}

}  // namespace tarikh
