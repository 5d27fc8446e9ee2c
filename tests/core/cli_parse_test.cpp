// `tarikh parse` as a user meets it: exit codes, messages that name the input,
// invalid UTF-8, empty input, the JSON Lines contract of DESIGN §5.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;

struct Outcome {
    int code;
    std::string out, err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class CliParse : public ::testing::Test {
protected:
    fs::path dir = fs::temp_directory_path() / ("tarikh-cli-" + std::to_string(::getpid()));
    void SetUp() override { fs::create_directories(dir); }
    void TearDown() override { fs::remove_all(dir); }

    fs::path write(const std::string& name, const std::string& bytes) {
        fs::path p = dir / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    Outcome run(const std::string& args, const std::string& stdin_text = "") {
        fs::path in = write("stdin.txt", stdin_text);
        std::string cmd = std::string(TARIKH_BINARY_DIR) + "/tarikh " + args + " <" + in.string() + " >" +
                          (dir / "out").string() + " 2>" + (dir / "err").string();
        int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out"), slurp(dir / "err")};
    }
};

TEST_F(CliParse, PrintsTheDesignContract) {
    Outcome r = run("parse --lang fa -", "مذاکرات از نوامبر ۲۰۲۱ تا مارس ۲۰۲۲ ادامه داشت.");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    for (const char* key : {"doc", "span", "text", "type", "value", "earliest", "latest", "granularity", "mod",
                            "calendar", "anchor", "event"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["doc"], "-");
    EXPECT_EQ(j["value"], "2021-11/2022-03");
    EXPECT_EQ(j["earliest"], "2021-11-01");
    EXPECT_EQ(j["latest"], "2022-03-31");
    EXPECT_EQ(j["type"], "DATE");
    EXPECT_TRUE(j["mod"].is_null());
    EXPECT_TRUE(j["event"].is_null());
}

TEST_F(CliParse, UnreadableFileIsNamedAndTheOthersStillParse) {
    fs::path good = write("good.txt", "The embassy opened on 29 March 2023.");
    Outcome r = run("parse " + (dir / "missing.txt").string() + " " + good.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("2023-03-29"), std::string::npos) << r.out;
}

TEST_F(CliParse, InvalidUtf8DoesNotStopParsingAndSpansIndexTheBytes) {
    std::string text = "abc \xFF\xFE\xC0\x80 \xD8 then on 7 October 2023 and \xE2\x82";
    fs::path f = write("bad.txt", text);
    Outcome r = run("parse --lang en " + f.string());
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    size_t b = text.find("7 October 2023");
    EXPECT_EQ(j["span"][0], b);
    EXPECT_EQ(j["span"][1], b + std::string("7 October 2023").size());
    EXPECT_EQ(j["text"], "7 October 2023");
}

TEST_F(CliParse, EmptyInputPrintsNothing) {
    Outcome r = run("parse -", "");
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.empty());
}

TEST_F(CliParse, UnknownFlagPrintsUsageAndExits2) {
    Outcome r = run("parse --no-such-flag -", "x");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("no-such-flag"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--lang"), std::string::npos) << "usage should follow: " << r.err;
}

TEST_F(CliParse, BadDctIsRefused) {
    Outcome r = run("parse --dct 2023-02-30 -", "امروز");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("2023-02-30"), std::string::npos);
}

TEST_F(CliParse, TableForPeople) {
    fs::path f = write("doc.txt", "وصل الرئيس في ١٥ رمضان ١٤٤٥ هـ.");
    Outcome r = run("parse --format table " + f.string());
    ASSERT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("doc.txt"), std::string::npos);
    EXPECT_NE(r.out.find("2024-03-25"), std::string::npos) << r.out;
}

TEST_F(CliParse, TimemlGivesOneDocumentPerFile) {
    fs::path a = write("a.txt", "The embassy opened on 29 March 2023.");
    fs::path b = write("b.txt", "وصل الرئيس في ١٥ رمضان ١٤٤٥ هـ.");
    Outcome r = run("parse --format timeml --dct 2024-01-01 " + a.string() + " " + b.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("<DOCID>" + a.string() + "</DOCID>"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("value=\"2023-03-29\">29 March 2023</TIMEX3>"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("value=\"2024-03-25\">١٥ رمضان ١٤٤٥ هـ</TIMEX3>"), std::string::npos) << r.out;
    size_t docs = 0;
    for (size_t at = 0; (at = r.out.find("</TimeML>", at)) != std::string::npos; ++at) ++docs;
    EXPECT_EQ(docs, 2u);
}

}  // namespace
