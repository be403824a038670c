import FAQModel
@testable import FAQReaders
import Testing

@Suite struct MarkdownReaderTests {
    @Test func everythingHasSectionsAndEveryBlockKind() throws {
        let document = try ReaderFixtures.read("everything.md").document
        guard case .sections(let sections) = document.body else { Issue.record("expected sections"); return }
        #expect(sections.map(\.title.plainText) == ["Basics", "Advanced"])
        #expect(sections[0].intro == [.paragraph(Paragraph([.text("The basics section has an intro paragraph.")]))])
        #expect(document.allEntries.map(\.id) == [
            "what-is-this", "how-are-lists-written", "does-code-work", "are-tables-supported",
            "what-about-mail-and-relative-links", "what-about-a-question-without-a-question-mark",
        ])
        let answers = document.allEntries.map(\.answer)
        // A heading deeper than the question level stays in the answer.
        #expect(answers[0].contains(.heading(Heading(level: 4, content: [.text("A heading inside the answer")]))))
        // Ordered list with a nested bullet list holding a nested ordered list; task items.
        guard case .list(let ordered) = answers[1][0], case .list(let tasks) = answers[1][1], case .list(let loose) = answers[1][3] else {
            Issue.record("expected lists"); return
        }
        #expect(ordered.kind == .ordered && ordered.start == 1 && ordered.tight)
        guard case .list(let nested) = ordered.items[1].content[1] else { Issue.record("expected nested list"); return }
        #expect(nested.kind == .bullet && nested.items.count == 2)
        #expect(tasks.items.map(\.task) == [.checked, .unchecked])
        #expect(!loose.tight && loose.items[0].content.count == 2)
        #expect(answers[2][0] == .code(CodeBlock(language: "python", text: "def hello():\n    print(\"hello\")  # a comment")))
        #expect(answers[2][1] == .code(CodeBlock(text: "indented code block\nsecond line")))
        guard case .table(let table) = answers[3][0] else { Issue.record("expected table"); return }
        #expect(table.alignments == [.left, .center, .right, .none])
        #expect(table.header.map(\.content.plainText) == ["Left", "Center", "Right", "None"])
        #expect(table.rows.count == 2)
        #expect(answers[3][1] == .thematicBreak)
    }

    @Test func frontMatterKnownAndUnknownKeys() throws {
        let metadata = try ReaderFixtures.read("everything.md").document.metadata
        #expect(metadata.title == "Everything FAQ")
        #expect(metadata.keywords == ["fixture", "faq", "every node"])
        #expect(metadata.authors == ["Ada Lovelace", "Grace Hopper"])
        #expect(metadata.date == "2026-01-15")
        #expect(metadata.extra["custom_key"] == "kept as text")
        #expect(metadata.extra["see_also"] == "faqexport(1), man(7)")
    }

    @Test func questionLevelDetectionAndOverride() throws {
        let levels = try ReaderFixtures.read("levels.md").document
        // "Install steps" has no '?' but is at the question level.
        #expect(levels.allEntries.map(\.question.plainText).contains("Install steps"))
        // Ties go to the deeper level.
        let tie = try ReaderFixtures.read("tie.md").document
        #expect(tie.allEntries.map(\.question.plainText) == ["Is level three a question?", "Another level three?"])
        // --question-level overrides detection.
        let forced = try ReaderFixtures.read("tie.md", options: ReaderOptions(questionLevel: 2)).document
        #expect(forced.allEntries.map(\.question.plainText) == ["Is level two a question?", "Another level two?"])
        #expect(forced.allEntries[0].answer.contains(.heading(Heading(level: 3, content: [.text("Is level three a question?")]))))
        // A front-matter key does the same.
        let text = "---\nquestion_level: 2\n---\n## A\n\ntext\n\n### B?\n\nmore\n"
        let keyed = try FAQReader.read(text: text, path: "keyed.md").document
        #expect(keyed.allEntries.map(\.question.plainText) == ["A"])
    }

    @Test func slugsAreUniqueAndStable() throws {
        var slugger = Slugger()
        #expect(slugger.slug(for: "Duplicate?") == "duplicate")
        #expect(slugger.slug(for: "Duplicate?") == "duplicate-2")
        #expect(slugger.slug(for: "duplicate!") == "duplicate-3")
        #expect(slugger.slug(for: "Duplicate 2") == "duplicate-2-2")
        #expect(slugger.slug(for: "???") == "q")
        #expect(slugger.slug(for: "Ça marche, naïve?") == "ça-marche-naïve")
        #expect(slugger.slug(for: "2 things") == "q-2-things")
        let levels = try ReaderFixtures.read("levels.md")
        #expect(levels.document.allEntries.suffix(2).map(\.id) == ["duplicate", "duplicate-2"])
        #expect(levels.diagnostics.contains { $0.message.contains("duplicate question") })
    }

    @Test func liquidLinksResolveAgainstJekyllConfig() throws {
        let result = try ReaderFixtures.read("jekyll/guide/liquid.md")
        guard case .paragraph(let p) = result.document.allEntries[0].answer[0] else { Issue.record("expected paragraph"); return }
        let urls = p.content.compactMap { inline -> String? in if case .link(let l) = inline { return l.url } else { return nil } }
        // The target's own permalink, under the site's baseurl; `site.url` + `site.baseurl`.
        #expect(urls == ["/docs/guide/walkthroughs/", "https://eventlet.example/docs/"])
        #expect(!p.content.plainText.contains("{%"))
        // `{% include %}` and `{{ page.title }}`; the `raw` block in the code is kept as text.
        #expect(result.diagnostics.filter { $0.message.contains("Liquid") }.count == 2)
        // --base-url wins over _config.yml.
        let based = try ReaderFixtures.read("jekyll/guide/liquid.md", options: ReaderOptions(baseURL: "https://other.example/"))
        #expect(ReaderFixtures.linkURLs(based.document).first == "/guide/walkthroughs/")
        #expect(based.document.metadata.url == "https://other.example/guide/liquid/")
    }

    @Test func unclosedLiquidIsTextAndSwallowsNothing() throws {
        let text = "---\ntitle: T\n---\n## Q?\n\nA {% link foo.md\n\nmore\n\n## R?\n\nB %} and {{ open\n\n## S?\n\nText {{ page.x }} end }}\n"
        let result = try FAQReader.read(text: text, path: "l.md")
        #expect(result.document.allEntries.map(\.question.plainText) == ["Q?", "R?", "S?"])
        #expect(result.document.allEntries[0].answer.first.map { block -> String in
            if case .paragraph(let p) = block { return p.content.plainText } else { return "" }
        } == "A {% link foo.md")
        let liquid = result.diagnostics.filter { $0.message.contains("Liquid") }
        #expect(liquid.map { $0.location.map { "\($0.line):\($0.column)" } ?? "" } == ["6:3", "12:10", "16:6"])
        #expect(liquid.allSatisfy { !$0.description.contains("\\u{a}") })
    }

    /// A removed comment keeps its lines, so later positions stay right; a stretch of
    /// unclosed openings is one warning, and a block without its end is looked for once.
    @Test func liquidKeepsPositionsAndReportsOnce() throws {
        let comment = "---\ntitle: T\n---\n\n{% comment %}\nline a\nline b\n{% endcomment %}\n\n## Q?\n\nSee [x](#nope).\n"
        let located = try FAQReader.read(text: comment, path: "c.md")
        #expect(located.diagnostics.first { $0.message.contains("#nope") }?.location == SourceLocation(file: "c.md", line: 12, column: 5))
        let many = "---\ntitle: T\n---\n\n## Q?\n\n" + String(repeating: "{{ ", count: 1000) + "\n\n" + String(repeating: "{% raw %}\n", count: 50)
        let result = try FAQReader.read(text: many, path: "m.md")
        #expect(result.diagnostics.filter { $0.message.contains("not closed") }.count == 1)
        #expect(result.diagnostics.filter { $0.message.contains("has no '{% endraw %}'") }.count == 50)
        guard case .paragraph(let p)? = result.document.allEntries.first?.answer.first else { Issue.record("no paragraph"); return }
        #expect(p.content.plainText.hasPrefix("{{ {{ {{"))
    }

    @Test(arguments: ["---", "---  ", "---\t"])
    func aLoneFenceIsAnError(_ text: String) throws {
        #expect { try FAQReader.read(text: text, path: "f.md") } throws: { ($0 as? ReadError)?.message.contains("never closed") == true }
    }

    @Test func liquidRawIsKeptCommentRemoved() throws {
        let text = "---\ntitle: T\n---\n## Q?\n\n{%- raw %}{{ keep }} {% x %}{% endraw -%} H {% comment %} hidden\n\n{{ too }}{% endcomment %}end\n"
        let result = try FAQReader.read(text: text, path: "r.md")
        guard case .paragraph(let p)? = result.document.allEntries.first?.answer.first else { Issue.record("no paragraph"); return }
        #expect(p.content.plainText == "{{ keep }} {% x %} H end")
        #expect(result.diagnostics.filter { $0.message.contains("Liquid") }.isEmpty)
    }

    @Test func noLiquidWithoutFrontMatter() throws {
        let result = try FAQReader.read(text: "## Q?\n\nUse {{ .Values.image }} and {% x %}.\n", path: "h.md")
        guard case .paragraph(let p)? = result.document.allEntries.first?.answer.first else { Issue.record("no paragraph"); return }
        #expect(p.content.plainText == "Use {{ .Values.image }} and {% x %}.")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func duplicateFrontMatterKeyNamesItsSecondLine() throws {
        #expect { try FAQReader.read(text: "---\ntitle: a\nlang: en\ntitle: b\n---\n## Q?\n\nA\n", path: "d.md") } throws: { error in
            guard let error = error as? ReadError else { return false }
            return error.location.line == 4 && error.message == "duplicate front matter key 'title'"
        }
    }

    @Test func frontMatterFencesMayEndInBlanks() throws {
        let result = try FAQReader.read(text: "--- \ntitle: T\n---\t\n## Q?\n\nA\n", path: "f.md")
        #expect(result.document.metadata.title == "T")
        #expect(result.document.allEntries.map(\.question.plainText) == ["Q?"])
    }

    @Test(arguments: ["2024-13-45", "2024-02-30", "2023-02-29", "yesterday", "2024-1-5", "0000-01-01"])
    func impossibleDatesAreDroppedWithAWarning(_ date: String) throws {
        let result = try FAQReader.read(text: "---\ntitle: T\ndate: \(date)\n---\n## Q?\n\nA\n", path: "d.md")
        #expect(result.document.metadata.date == nil)
        let warning = result.diagnostics.first { $0.message.contains("not a calendar date") }
        #expect(warning?.location?.line == 3 && warning?.location?.file == "d.md")
    }

    @Test(arguments: ["2024-02-29", "2024-12-31", "2024-05-01 10:00:00 +0200", "2024-05-01T10:00:00Z"])
    func realDatesAreKept(_ date: String) throws {
        let result = try FAQReader.read(text: "---\ntitle: T\ndate: \(date)\n---\n## Q?\n\nA\n", path: "d.md")
        #expect(result.document.metadata.date == date)
        #expect(!result.diagnostics.contains { $0.message.contains("calendar date") })
    }

    @Test func malformedFrontMatterNamesTheLine() throws {
        #expect { try ReaderFixtures.read("bad-yaml.md") } throws: { error in
            guard let error = error as? ReadError else { return false }
            return error.location.file == "bad-yaml.md" && error.location.line == 4 && error.message.contains("malformed YAML")
        }
        #expect { try FAQReader.read(text: "---\ntitle: x\n## Q?\n", path: "open.md") } throws: { error in
            (error as? ReadError)?.message.contains("never closed") == true
        }
        #expect { try FAQReader.read(text: "---\n- a\n- b\n---\n## Q?\n\nA\n", path: "list.md") } throws: { error in
            (error as? ReadError)?.message.contains("not a mapping") == true
        }
    }

    @Test func noQuestionsIsAnErrorThatSuggestsTheLevel() throws {
        #expect { try FAQReader.read(text: "# Title\n\n## Setup\n\ntext\n", path: "none.md") } throws: { error in
            guard let message = (error as? ReadError)?.message else { return false }
            return message.contains("headings of level 1, 2") && message.contains("--question-level")
        }
    }
}

extension ReaderFixtures {
    static func linkURLs(_ document: FAQDocument) -> [String] {
        var urls: [String] = []
        document.preamble.forEachLink { urls.append($0.url) }
        document.allEntries.forEach { $0.answer.forEachLink { urls.append($0.url) } }
        return urls
    }
}
