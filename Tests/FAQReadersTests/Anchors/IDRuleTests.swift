import FAQModel
@testable import FAQReaders
import Testing

/// Each platform's id rule against the examples its own project documents or tests.
@Suite struct IDRuleTests {
    /// Feeds texts to a fresh generator in order, as one document's headings.
    func ids(_ rule: some PlatformIDRule, _ texts: [String]) -> [String] {
        var rule = rule
        return texts.map { rule.next(HeadingText([.text($0)], source: $0)) }
    }

    // github-slugger's fixtures, generated from GitHub's own rendering:
    // https://github.com/Flet/github-slugger/blob/main/test/fixtures.json
    @Test func gitHub() {
        let cases: [(String, String)] = [
            ("bravoCharlieDelta", "bravocharliedelta"),
            ("heading with a - dash", "heading-with-a---dash"),
            ("heading with an _ underscore", "heading-with-an-_-underscore"),
            ("heading with a period.txt", "heading-with-a-periodtxt"),
            ("exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback"),
            ("apostrophe’s should be trimmed", "apostrophes-should-be-trimmed"),
            ("I ♥ unicode", "i--unicode"),
            ("en–dash", "endash"),
            ("😄 unicode emoji", "-unicode-emoji"),
            ("😄_😄 unicode emoji", "_-unicode-emoji"),
            (":smile: - a gemoji", "smile---a-gemoji"),
            ("Привет non-latin 你好", "привет-non-latin-你好"),
            ("a» ’ ” › ⸃ ⸅ ⸊ ⸍ ⸝ ⸡b", "a---------b"),
        ]
        for (text, id) in cases { #expect(ids(GitHubSlugs(), [text]) == [id], "\(text)") }
        // Repetition: the counter of the first slug, skipping any id already given.
        #expect(ids(GitHubSlugs(), ["echo", "echo", "echo 1", "echo-1", "echo"]) == ["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"])
        #expect(ids(GitHubSlugs(), ["foxtrot-1", "foxtrot", "foxtrot"]) == ["foxtrot-1", "foxtrot", "foxtrot-2"])
        #expect(ids(GitHubSlugs(), ["golf", "golf", "golf"]) == ["golf", "golf-1", "golf-2"])
    }

    /// GitHub's page text leaves an image out; a line break is a removed control character.
    @Test func gitHubSlugsTheRenderedText() {
        let heading = HeadingText([.text("Logo "), .image(Image(url: "x.png", alt: "alt words")), .code("a_b"), .softBreak, .text("c")])
        #expect(GitHubSlugs().slug(heading) == "logo-a_bc")
    }

    // kramdown-parser-gfm's header id test case (the parser Jekyll runs by default):
    // https://github.com/kramdown/parser-gfm/blob/master/test/testcases/header_ids.html
    // The guillemets line is `with --- << typographic >> ... symbols` in the source.
    @Test func kramdownAsJekyllRunsIt() {
        #expect(ids(KramdownIDs(), [
            "variable_name", "abc def öúß", "192 abc 192", ";.;;", "variable_name", "variable_name", ";;",
            "before \tafter tab", "With “smart” quotes", "with --- << typographic >> ... symbols",
        ]) == [
            "variable_name", "abc-def-öúß", "192-abc-192", "", "variable_name-1", "variable_name-2", "-1",
            "before--after-tab", "with-smart-quotes", "with--typographic--symbols",
        ])
        #expect(KramdownIDs().slug(HeadingText([.text("with "), .code("code")])) == "with-code")
        #expect(KramdownIDs().slug(HeadingText([.text("The --force flag")])) == "the-force-flag")
    }

    // kramdown's documentation of its own parser's ids:
    // https://kramdown.gettalong.org/converter/html.html#auto-ids
    @Test func kramdownClassic() {
        #expect(ids(KramdownClassicIDs(), ["This is a header", "12. Another one 1 here", "Do ^& it now", "Hallo", "Not now", "Hallo", "123456789"])
            == ["this-is-a-header", "another-one-1-here", "do--it-now", "hallo", "not-now", "hallo-1", "section"])
        // The source, not the text: a link's address counts.
        let linked = HeadingText([.link(Link(url: "https://go.dev", content: [.text("Go")]))], source: "[Go](https://go.dev)")
        #expect(KramdownClassicIDs().slug(linked) == "gohttpsgodev")
    }

    // Hugo's tests of its `github` id type ("generated manually on github.com"):
    // https://github.com/gohugoio/hugo/blob/master/markup/goldmark/autoid_test.go
    @Test func goldmarkAsHugoRunsIt() {
        let cases: [(String, String)] = [
            ("God is good: 神真美好", "god-is-good-神真美好"), ("Number 32", "number-32"), ("Question?", "question"),
            ("1+2=3", "123"), ("Special !\"#$%&(parens)=?´* chars", "special-parens-chars"), ("Resumé", "resumé"),
            ("One-Hyphen", "one-hyphen"), ("Multiple--Hyphens", "multiple--hyphens"), ("Trailing hyphen-", "trailing-hyphen-"),
            ("Many   spaces  here", "many---spaces--here"), ("Forward/slash", "forwardslash"), ("Backward\\slash", "backwardslash"),
            ("Under_score", "under_score"), ("Nonbreaking\u{A0}Space", "nonbreakingspace"), ("Tab\tSpace", "tabspace"),
            ("Trailing Space ", "trailing-space"),
        ]
        for (text, id) in cases { #expect(ids(GoldmarkIDs(), [text]) == [id], "\(text)") }
        // Empty: `heading`; repeats skip every id taken, the author's `{#id}` too.
        var rule = GoldmarkIDs()
        rule.reserve("q")
        #expect(["???", "???", "Q", "Q"].map { rule.next(HeadingText([.text($0)], source: $0)) } == ["heading", "heading-1", "q-1", "q-2"])
        // The source, not the text (checked with Hugo 0.111).
        let linked = HeadingText([.text("Is "), .link(Link(url: "https://gohugo.io", content: [.text("Hugo")])), .text(" fast?")],
                                 source: "Is [Hugo](https://gohugo.io) fast?")
        #expect(GoldmarkIDs().slug(linked) == "is-hugohttpsgohugoio-fast")
    }

    // Python-Markdown's `toc` extension (what MkDocs runs): its slugify and unique(), as
    // documented at https://python-markdown.github.io/extensions/toc/ and tested in
    // https://github.com/Python-Markdown/markdown/blob/master/tests/test_syntax/extensions/test_toc.py
    // (cases checked with python3-markdown 3.4).
    @Test func mkdocs() {
        var rule = MkDocsIDs()
        rule.reserve("header-1_3")
        let texts = ["Header 1", "Header 1", "Header_1", "Ünïcödé žlutý", "Some  -- spaced – text", "???", "???", "Header 1", "a -", "- a"]
        #expect(texts.map { rule.next(HeadingText([.text($0)])) } == [
            "header-1", "header-1_1", "header_1", "unicode-zluty", "some-spaced-text", "_1", "_2", "header-1_2", "a-", "-a",
        ])
        #expect(MkDocsIDs().slug(HeadingText([.code("code"), .text(" and "), .emphasis([.text("emph")])])) == "code-and-emph")
    }

    // Pandoc's manual, extension `auto_identifiers`:
    // https://pandoc.org/MANUAL.html#extension-auto_identifiers
    // (`*Dogs*?--in *my* house?` is listed as `dogs--in-my-house`; with the `smart`
    // extension, on by default, `--` is an en dash and pandoc itself gives `dogsin-my-house`.)
    @Test func pandoc() {
        #expect(ids(PandocIDs(), ["Heading identifiers in HTML", "Maître d'hôtel", "[HTML], [S5], or [RTF]?", "3. Applications", "33"])
            == ["heading-identifiers-in-html", "maître-dhôtel", "html-s5-or-rtf", "applications", "section"])
        let dogs = HeadingText([.emphasis([.text("Dogs")]), .text("?--in "), .emphasis([.text("my")]), .text(" house?")])
        #expect(PandocIDs().slug(dogs) == "dogsin-my-house")
        #expect(PandocIDs().slug(HeadingText([.image(Image(url: "x.png", alt: "alt text")), .text(" img")])) == "alt-text-img")
        var rule = PandocIDs()
        rule.reserve("dogs-1")
        #expect(["Dogs", "Dogs", "Dogs"].map { rule.next(HeadingText([.text($0)])) } == ["dogs", "dogs-2", "dogs-3"])
    }
}
