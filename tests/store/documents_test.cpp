// Reading documents: directories, .txt and .jsonl, and bad input that is
// reported with its name and line without stopping the rest.
#include "store_fixtures.h"

#include "tarikh/documents.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tarikh {
namespace {

using testing::ScratchDir;
using testing::write_bytes;

std::vector<Document> read_all(DocumentReader& r) {
    std::vector<Document> out;
    while (auto d = r.next()) out.push_back(std::move(*d));
    return out;
}

TEST(Documents, DirectoriesAreReadRecursivelyInOrder) {
    ScratchDir dir;
    std::filesystem::create_directories(dir / "in/sub");
    write_bytes(dir / "in/b.txt", "second");
    write_bytes(dir / "in/a.txt", "first");
    write_bytes(dir / "in/sub/c.txt", "third");
    write_bytes(dir / "in/notes.md", "ignored");
    write_bytes(dir / "in/sub/d.jsonl", R"({"id":"d1","text":"fourth","date":"2023-10-07","lang":"fa","url":"http://x"})"
                                        "\n");
    std::vector<InputProblem> problems;
    auto files = expand_inputs({(dir / "in").string()}, problems);
    EXPECT_TRUE(problems.empty());
    DocumentReader reader(files);
    auto docs = read_all(reader);
    ASSERT_EQ(docs.size(), 4u);
    EXPECT_EQ(docs[0].id, (dir / "in/a.txt").string());
    EXPECT_EQ(docs[0].text, "first");
    EXPECT_EQ(docs[1].text, "second");
    EXPECT_EQ(docs[2].text, "third");
    EXPECT_EQ(docs[3].id, "d1");
    EXPECT_EQ(docs[3].date, testing::day(2023, 10, 7));
    EXPECT_EQ(docs[3].lang, lang_of("fa"));
    EXPECT_EQ(docs[3].url, "http://x");
    EXPECT_TRUE(reader.problems().empty());
    EXPECT_EQ(reader.total_bytes(), reader.bytes_read());
}

TEST(Documents, TextIsKeptByteForByte) {
    ScratchDir dir;
    const std::string bytes = std::string("\xEF\xBB\xBF") + "سلام\r\n\xff" + std::string(1, '\0') + "end";
    write_bytes(dir / "x.txt", bytes);
    std::vector<InputProblem> problems;
    DocumentReader reader(expand_inputs({(dir / "x.txt").string()}, problems));
    auto docs = read_all(reader);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].text, bytes);
}

TEST(Documents, BadLinesAndMissingFilesAreReportedAndSkipped) {
    ScratchDir dir;
    write_bytes(dir / "news.jsonl",
                "{\"id\":\"ok1\",\"text\":\"one\"}\n"
                "{broken\n"
                "\n"
                "{\"id\":\"no-text\"}\n"
                "[1,2]\n"
                "{\"text\":\"no id\"}\n"
                "{\"id\":\"bad-date\",\"text\":\"x\",\"date\":\"yesterday\"}\n"
                "{\"id\":5,\"text\":\"numeric id\",\"lang\":\"xx\"}\n");
    write_bytes(dir / "good.txt", "fine");
    std::vector<InputProblem> problems;
    auto files = expand_inputs({(dir / "news.jsonl").string(), (dir / "missing.txt").string(), (dir / "good.txt").string()},
                               problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_THAT(problems[0].where, ::testing::HasSubstr("missing.txt"));
    DocumentReader reader(files);
    auto docs = read_all(reader);
    std::vector<std::string> ids;
    for (const auto& d : docs) ids.push_back(d.id);
    const std::string jl = (dir / "news.jsonl").string();
    EXPECT_THAT(ids, ::testing::ElementsAre("ok1", jl + ":6", "5", (dir / "good.txt").string()));
    EXPECT_FALSE(docs[2].lang.has_value());  // an unknown language is detected instead
    std::vector<std::string> where;
    for (const auto& p : reader.problems()) where.push_back(p.where);
    EXPECT_THAT(where, ::testing::ElementsAre(jl + ":2", jl + ":4", jl + ":5", jl + ":7"));
    EXPECT_THAT(reader.problems()[0].message, ::testing::HasSubstr("JSON"));
    EXPECT_THAT(reader.problems()[1].message, ::testing::HasSubstr("text"));
    EXPECT_THAT(reader.problems()[3].message, ::testing::HasSubstr("date"));
}

TEST(Documents, UnreadableFileIsReported) {
    ScratchDir dir;
    // A directory named like a file cannot be read as one, even by root.
    std::filesystem::create_directories(dir / "trap.jsonl");
    write_bytes(dir / "ok.txt", "fine");
    DocumentReader reader({dir / "trap.jsonl", dir / "ok.txt"});
    auto docs = read_all(reader);
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_EQ(reader.problems().size(), 1u);
    EXPECT_THAT(reader.problems()[0].where, ::testing::HasSubstr("trap.jsonl"));
}

TEST(Documents, JsonLineParsing) {
    Document d = document_from_json(R"({"id":"x","text":"t","date":"2025-11-08T10:00:00Z"})");
    EXPECT_EQ(d.date, testing::day(2025, 11, 8));
    EXPECT_THROW(document_from_json(R"({"id":"x","text":5})"), std::runtime_error);
    EXPECT_THROW(document_from_json(R"({"id":[1],"text":"t"})"), std::runtime_error);
}

}  // namespace
}  // namespace tarikh
