import FAQModel
@testable import FAQReaders
import Testing

/// Each way a source names a question's anchor (Fixtures/anchors/), and what becomes of
/// the links to it.
@Suite struct AnchorFormTests {
    /// Every `#` link of the document, in reading order.
    static func fragmentLinks(_ document: FAQDocument) -> [String] {
        ReaderFixtures.linkURLs(document).filter { $0.hasPrefix("#") }
    }

    static func warnings(_ result: FAQReader.Result) -> [String] {
        result.diagnostics.filter { $0.severity == .warning }.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
    }

    @Test func attributeBlocksNameTheQuestions() throws {
        let result = try ReaderFixtures.read("anchors/attribute-blocks.md")
        let document = result.document
        #expect(document.allEntries.map(\.id) == ["hotkey", "log", "proxy-settings", "theme", "is-a-class-alone-text-note", "what-about-braces-in-a-question"])
        // The block leaves the text; the `?` before it still makes a question.
        #expect(document.allEntries.map(\.question.plainText) == [
            "Can I change the hotkey?", "Where is the log?", "Does it honour a proxy?", "Can I change the theme?",
            "Is a class alone text?", "What about {braces} in a question?",
        ])
        #expect(document.allEntries[0].answer[1] == .heading(Heading(level: 3, content: [.text("Details of the hotkey")], id: "hotkey-details")))
        // GitHub shows `{#hotkey}` as text and slugs it: a link to that id finds the question too.
        #expect(Self.fragmentLinks(document).prefix(6) == ["#hotkey", "#log", "#proxy-settings", "#theme", "#hotkey-details", "#hotkey"])
        #expect(Self.warnings(result).isEmpty)
    }

    @Test func kramdownIALsAreMarkupNotText() throws {
        let result = try ReaderFixtures.read("anchors/kramdown-ials.md")
        let document = result.document
        #expect(document.allEntries.map(\.id) == ["offline", "the-force-flag-what-does-it-do", "why-quotes-and-smart-ones", "what-is-a--class-in-running-text"])
        // `{:toc}` took its list away (said under -v); no IAL line is left as text.
        #expect(document.preamble.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("{:toc}") && $0.location?.line == 8 })
        let text = document.allEntries.flatMap(\.answer).map { block -> String in
            switch block {
            case .paragraph(let p): return p.content.plainText
            case .quote(let q): return q.content.map { if case .paragraph(let p) = $0 { return p.content.plainText } else { return "" } }.joined()
            default: return ""
            }
        }
        #expect(text.allSatisfy { !$0.contains("{:") })
        #expect(text.last == "Text, when it is not on a line of its own.")
        #expect(document.allEntries[3].question.plainText == "What is a {: .class} in running text?")
    }

    @Test func htmlIdsNamesAndStrayAnchors() throws {
        let result = try ReaderFixtures.read("anchors/html-ids.html")
        let document = result.document
        // The term and the two details blocks stand inside the answer to q4 (headings are the
        // questions): their ids name that answer.
        #expect(document.allEntries.map(\.id) == ["q1", "q2", "q3", "q4", "q1-1"])
        // The permalink's ¶ is no part of the question.
        #expect(document.allEntries[3].question.plainText == "Is a footnote kept?")
        // Links to ids the model has no element for go to the question (or answer heading)
        // holding them: `<p id>`, an inline `<a name>`, a `<span id>`, a footnote's table and cells.
        #expect(Self.fragmentLinks(document) == [
            "#q1", "#q2", "#q3", "#q4", "#q4", "#q4",
            "#q4", "#q4", "#q2", "#a-sub-heading", "#q4", "#q4", "#nowhere",
        ])
        #expect(Self.warnings(result) == [
            "31:1 duplicate id 'q1' (also at line 13); this one becomes 'q1-1'",
            "32:51 link to '#nowhere', which names no question, section or heading",
        ])
    }

    @Test func sphinxSectionsAndHeaderlinks() throws {
        let result = try ReaderFixtures.read("anchors/sphinx.html")
        let document = result.document
        // "FAQ" opens the page: its title. Its id, and the label naming it, go to the top:
        // the first question.
        #expect(document.allEntries.map(\.id) == ["why-x", "can-i-use-z"])
        #expect(document.allEntries.map(\.question.plainText) == ["Why X?", "Can I use Z?"])
        // Footnote ids have no element: their links follow them.
        #expect(Self.fragmentLinks(document) == ["#why-x", "#why-x", "#why-x", "#why-x", "#why-x", "#can-i-use-z"])
        #expect(Self.warnings(result).isEmpty)
    }

    @Test func rawHTMLHeadingsAndAnchorsInMarkdown() throws {
        let result = try ReaderFixtures.read("anchors/raw-html.md")
        let document = result.document
        guard case .sections(let sections) = document.body else { Issue.record("expected sections"); return }
        // The questions before the first section take the title's place, and its id.
        #expect(sections.map(\.id) == ["raw-html-anchors", "more"])
        #expect(document.allEntries.map(\.id) == ["cfg", "fast", "where-are-the-answers-kept"])
        // `<a name="fast"></a>` alone in its paragraph leaves no empty paragraph behind.
        #expect(document.allEntries[0].answer.count == 1)
        // The id GitHub generates for the anchored heading names it too.
        #expect(ReaderFixtures.linkURLs(document).prefix(4) == ["#cfg", "#fast", "#more", "#more"])
        // The dead link is reported at its own place in the Markdown, through the HTML path.
        #expect(Self.warnings(result) == ["24:43 link to '#missing', which names no question, section or heading"])
    }

    @Test func everyIdStyleByItsDetection() throws {
        #expect(try ReaderFixtures.read("anchors/github.md").document.allEntries.map(\.id) == [
            "im-stuck--what-now", "cats--dogs", "whats-new", "themes--templates", "wait-really", "привет", "whats-new-1",
        ])
        #expect(try ReaderFixtures.read("anchors/pandoc.md").document.allEntries.map(\.id) == ["applications", "dogsin-my-house", "dogs", "dogs-1"])
        #expect(try ReaderFixtures.read("anchors/jekyll-classic/classic.md").document.allEntries.map(\.id) == ["is-gohttpsgodev-a-link", "numbers-first", "ncode-too"])
        #expect(try ReaderFixtures.read("anchors/hugo/content/goldmark.md").document.allEntries.map(\.id) == ["is-hugohttpsgohugoio-fast", "the-_config_-file", "the-_config_-file-1"])
        #expect(try ReaderFixtures.read("anchors/mkdocs/docs/faq.md").document.allEntries.map(\.id) == [
            "is-it-free", "does-it-record-continuously-spy-on-me", "different-key", "unicode-zluty", "is-it-free_1",
        ])
        for name in ["github.md", "pandoc.md", "jekyll-classic/classic.md", "hugo/content/goldmark.md", "mkdocs/docs/faq.md"] {
            let result = try ReaderFixtures.read("anchors/" + name)
            #expect(!result.diagnostics.contains { $0.message.contains("names no") }, "\(name)")
        }
    }

    @Test func idStyleOptionWins() throws {
        let github = try ReaderFixtures.read("anchors/hugo/content/goldmark.md", options: ReaderOptions(idStyle: .github))
        #expect(github.document.allEntries.map(\.id) == ["is-hugo-fast", "the-config-file", "the-config-file-1"])
        #expect(github.diagnostics.contains { $0.severity == .note && $0.message.contains("GitHub's rule (--id-style)") })
    }

    @Test(arguments: [
        ("---\ntitle: T\nweight: 3\n---\n", IDStyle.goldmark), ("---\ntitle: T\nsidebar_position: 2\n---\n", .github),
        ("---\ntitle: T\n---\n", .kramdown), ("", .github), ("---\nid_style: kramdown-classic\n---\n", .kramdownClassic),
    ])
    func idStyleFromFrontMatter(_ frontMatter: String, _ style: IDStyle) throws {
        let result = try FAQReader.read(text: frontMatter + "## Is [it](https://x.org) *fast* -- or _not_?\n\nYes.\n", path: "s.md")
        var rule = style.rule()
        let source = "Is [it](https://x.org) *fast* -- or _not_?"
        let expected = rule.next(HeadingText([.text("Is "), .link(Link(url: "https://x.org", content: [.text("it")])), .text(" "),
                                              .emphasis([.text("fast")]), .text(" -- or "), .emphasis([.text("not")]), .text("?")], source: source))
        #expect(result.document.allEntries.map(\.id) == [expected])
    }

    @Test func badFrontMatterIdStyleIsAWarning() throws {
        let result = try FAQReader.read(text: "---\nid_style: hugo\n---\n## Q?\n\nA\n", path: "b.md")
        #expect(Self.warnings(result) == ["2:1 front matter 'id_style' must be one of github, kramdown, kramdown-classic, goldmark, mkdocs, pandoc, not 'hugo'; it is ignored"])
    }

    @Test func duplicateAuthorIdsAreWarnedAndSuffixed() throws {
        let text = "# D\n\n## One? {#same}\n\nA\n\n## Two? {#same}\n\nB\n\n## Same?\n\nThe generated id is taken by the author's: it gets a suffix.\n"
        let result = try FAQReader.read(text: text, path: "d.md")
        #expect(result.document.allEntries.map(\.id) == ["same", "same-1", "same-2"])
        #expect(Self.warnings(result) == [
            "7:1 duplicate id 'same' (also at line 3); this one becomes 'same-1'",
            "11:1 the id 'same' that GitHub's rule gives this heading is taken (also at line 3); it becomes 'same-2'",
        ])
    }

    /// GitHub counts every heading, the page title and headings inside answers too.
    @Test func generatedIdsCountEveryHeading() throws {
        let text = "# FAQ\n\n## FAQ\n\n### Setup?\n\nA\n\n#### Setup\n\nInner.\n\n### Setup?\n\nB\n"
        let document = try FAQReader.read(text: text, path: "g.md").document
        guard case .sections(let sections) = document.body else { Issue.record("expected a section"); return }
        #expect(sections.map(\.id) == ["faq-1"])
        #expect(document.allEntries.map(\.id) == ["setup", "setup-2"])
        #expect(document.allEntries[0].answer.contains(.heading(Heading(level: 4, content: [.text("Setup")], id: "setup-1"))))
    }

    /// An XHTML id has no white space, and a link holds no `"`, `%` or `#` unescaped: such
    /// an author id is made usable, and links to it as written follow.
    @Test func unusableCharactersInAnAuthorIdBecomeADash() throws {
        let html = "<h2 id=\"my q\">Q?</h2><p>See <a href=\"#my q\">it</a>.</p><h2 id='x\"y'>R?</h2><p><a href=\"#x%22y\">r</a></p>"
        let result = try FAQReader.read(text: html, path: "w.html", syntax: .html)
        #expect(result.document.allEntries.map(\.id) == ["my-q", "x-y"])
        #expect(ReaderFixtures.linkURLs(result.document) == ["#my-q", "#x-y"])
        #expect(Self.warnings(result).count == 2)
    }

    /// A Jekyll page whose body is HTML: its links' lines count the front matter.
    @Test func htmlLinkPlacesCountTheFrontMatter() throws {
        let text = "---\ntitle: T\n---\n<h2 id=\"q\">Q?</h2>\n<p>See <a href=\"#q\">q</a> and\n  <a href=\"#gone\">gone</a>.</p>\n"
        let result = try FAQReader.read(text: text, path: "p.md")
        #expect(Self.warnings(result) == ["6:3 link to '#gone', which names no question, section or heading"])
    }
}
