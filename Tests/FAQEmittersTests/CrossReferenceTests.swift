@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

/// `#links` in every format: resolved where a format can link, named where it cannot, and
/// never turned into text without a warning.
@Suite struct CrossReferenceTests {
    static let at = SourceLocation(file: "faq.md", line: 12)

    static func paragraph(_ inlines: Inline...) -> Block { .paragraph(Paragraph(inlines)) }
    static func link(_ url: String, _ text: String) -> Inline { .link(Link(url: url, content: [.text(text)])) }

    /// Two sections; headings with ids in the preamble, an intro and an answer.
    static let document = FAQDocument(
        metadata: Metadata(title: "T"),
        preamble: [.heading(Heading(level: 2, content: [.text("Read me")], id: "read-me"))],
        body: .sections([
            Section(id: "one", title: [.text("One")], intro: [.heading(Heading(level: 3, content: [.text("Intro note")], id: "note"))], entries: [
                Entry(id: "first", question: [.text("First?")], answer: [
                    paragraph(link("#second", "the second"), .text(", "), link("#nowhere", "nothing"), .text(", "), link("#deep", "Deep part")),
                ], location: at),
            ]),
            Section(id: "two", title: [.text("Two")], entries: [
                Entry(id: "second", question: [.text("Second?")], answer: [
                    .heading(Heading(level: 4, content: [.text("Deep part")], id: "deep")),
                    paragraph(link("#read-me", "the top note"), .text(" and "), link("#note", "the intro note")),
                ]),
            ]),
        ]))

    @Test func theIndexKeepsTheDocumentsIdsValidAndUnique() {
        let document = FAQDocument(metadata: Metadata(title: "T"), preamble: [
            .heading(Heading(level: 2, content: [.text("Spaced")], id: "a b")),
            .heading(Heading(level: 2, content: [.text("Controls only")], id: "\u{1}\u{85}")),
            .heading(Heading(level: 2, content: [.text("Same as a question")], id: "q")),
        ], body: .sections([
            Section(id: "q", title: [.text("S")], intro: [.heading(Heading(level: 3, content: [.text("Twice")], id: "a b"))], entries: [
                Entry(id: "q", question: [.text("Q?")], answer: []),
                Entry(id: "q", question: [.text("Q again?")], answer: []),
                Entry(id: "faqexport-toc", question: [.text("Toc?")], answer: []),
                Entry(id: "", question: [.text("No id?")], answer: []),
            ]),
        ]))
        let index = AnchorIndex(document)
        #expect(index.entryIDs == [["q", "q-2", "faqexport-toc", "question"]])
        #expect(index.tocID == "faqexport-toc-nav")
        #expect(index.sectionIDs == ["q-section"])
        // The first holder of an id is the target; the section's own id still names it when free.
        #expect(index.target("q")?.kind == .entry)
        #expect(index.target("a b")?.id == "a-b")
        #expect(index.target("a%20b")?.id == "a-b")
        #expect(index.headingID("a b", in: .preamble) == "a-b")
        #expect(index.headingID("a b", in: .intro(unit: 0)) == nil)
        #expect(index.headingID("q", in: .preamble) == nil)
        #expect(index.target("\u{1}\u{85}") == nil)
        #expect(AnchorIndex.markupID("1-café:x") == "1-café:x")
        #expect(AnchorIndex.markupID("a\tb\nc") == "a-b-c")
        #expect(AnchorIndex.markupID("\u{7F}") == nil)
    }

    @Test func xhtmlLinksReachHeadingsAndADeadLinkBecomesTextWithAWarning() throws {
        let result = try XHTMLEmitter().emit(Self.document, options: EmitOptions())
        let page = result.text
        #expect(page.contains("<h2 id=\"read-me\">Read me</h2>"))
        #expect(page.contains("<h3 id=\"note\">Intro note</h3>"))
        #expect(page.contains("<h4 id=\"deep\">Deep part</h4>"))
        #expect(page.contains("<a href=\"#second\">the second</a>, nothing, <a href=\"#deep\">Deep part</a>"))
        let warnings = result.diagnostics.filter { $0.message.contains("#nowhere") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("written as text") == true)
        #expect(warnings.first?.location == Self.at)
    }

    @Test func epubLinksGoToTheChapterHoldingTheTargetAndNothingBecomesTextSilently() throws {
        var document = Self.document
        guard case .sections(var sections) = document.body else { return }
        sections[1].entries[0].answer.append(Self.paragraph(Self.link("../guide/", "a page of the site")))
        document.body = .sections(sections)
        let result = try EPUBEmitter().entries(book: [document], options: EmitOptions())
        let entries = result.entries
        func chapter(_ n: Int) -> String { String(decoding: entries.first { $0.path == "EPUB/chapter-00\(n).xhtml" }!.data, as: UTF8.self) }
        #expect(chapter(1).contains("<a href=\"chapter-002.xhtml#second\">the second</a>, nothing, <a href=\"chapter-002.xhtml#deep\">Deep part</a>"))
        #expect(chapter(2).contains("<a href=\"chapter-001.xhtml#read-me\">the top note</a> and <a href=\"chapter-001.xhtml#note\">the intro note</a>"))
        #expect(chapter(2).contains("<h3 id=\"deep\">Deep part</h3>"))  // the chapter titles its section h1
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("#nowhere") && $0.contains("written as text") }, "\(messages)")
        #expect(messages.contains { $0.contains("../guide/") && $0.contains("written as text") }, "\(messages)")
    }

    /// In a book, a link means its own document's target: an id both documents have stays
    /// in the linking chapter, one only the other document has is no target.
    @Test func aBookResolvesEachDocumentsLinksInItsOwnChapters() throws {
        func document(_ id: String, links: [String]) -> FAQDocument {
            FAQDocument(metadata: Metadata(title: id), body: .entries([
                Entry(id: "shared", question: [.text("Shared?")], answer: links.map { Self.paragraph(Self.link($0, "to " + $0)) }),
                Entry(id: id, question: [.text("Own?")], answer: []),
            ]))
        }
        let result = try EPUBEmitter().entries(book: [document("a", links: ["#shared"]), document("b", links: ["#shared", "#a"])], options: EmitOptions())
        let entries = result.entries
        let second = String(decoding: entries.first { $0.path == "EPUB/chapter-002.xhtml" }!.data, as: UTF8.self)
        #expect(second.contains("<a href=\"#shared\">to #shared</a>"))
        #expect(second.contains("<p>to #a</p>"))
        #expect(result.diagnostics.contains { $0.message.contains("#a ") && $0.message.contains("written as text") })
    }

    /// A relative link naming another input of the book (by path, by the page a site makes of
    /// it, or by permalink) goes to that document's chapter.
    @Test func aBookFollowsRelativeLinksBetweenItsDocuments() throws {
        let a = FAQDocument(metadata: Metadata(title: "A", permalink: "/guide/a/"), body: .entries([
            Entry(id: "qa", question: [.text("A?")], answer: ["b.md#qb", "./b.html", "../docs/b.md#gone", "/guide/b/#qb", "c.md#qb"].map {
                Self.paragraph(Self.link($0, "to " + $0))
            }),
        ]), source: "docs/a.md")
        let b = FAQDocument(metadata: Metadata(title: "B", permalink: "/guide/b/"), body: .entries([
            Entry(id: "qb", question: [.text("B?")], answer: [Self.paragraph(Self.link("../a/#qa", "back"))]),
        ]), source: "docs/b.md")
        let result = try EPUBEmitter().entries(book: [a, b], options: EmitOptions())
        let entries = result.entries
        func chapter(_ n: Int) -> String { String(decoding: entries.first { $0.path == "EPUB/chapter-00\(n).xhtml" }!.data, as: UTF8.self) }
        #expect(chapter(1).contains("<a href=\"chapter-002.xhtml#qb\">to b.md#qb</a>"))
        #expect(chapter(1).contains("<a href=\"chapter-002.xhtml\">to ./b.html</a>"))
        #expect(chapter(1).contains("<p>to ../docs/b.md#gone</p>"))
        #expect(chapter(1).contains("<a href=\"chapter-002.xhtml#qb\">to /guide/b/#qb</a>"))
        #expect(chapter(1).contains("<p>to c.md#qb</p>"))
        #expect(chapter(2).contains("<a href=\"chapter-001.xhtml#qa\">back</a>"))
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("../docs/b.md#gone") && $0.contains("that document of the book") }, "\(messages)")
        #expect(messages.contains { $0.contains("c.md#qb") && $0.contains("written as text") }, "\(messages)")
    }

    @Test func manAndTextNameTheTarget() throws {
        let man = try ManEmitter().emit(Self.document, options: EmitOptions())
        let page = man.text
        #expect(page.contains("the second (see \\(dqSecond?\\(dq), nothing, Deep part\n"))
        #expect(page.contains("the top note (see \\(dqRead me\\(dq) and the intro note (see \\(dqIntro note\\(dq)"))
        #expect(man.diagnostics.contains { $0.message.contains("#nowhere") && $0.location == Self.at })

        let text = try TextEmitter().emit(Self.document, options: EmitOptions(textWidth: 0))
        let plain = text.text
        #expect(plain.contains("the second (see 2.1 \"Second?\"), nothing [1], Deep part (see 2.1)"))
        #expect(plain.contains("the top note (see \"Read me\") and the intro note (see 1. \"Intro note\")"))
        #expect(plain.contains("[1] #nowhere"))
    }

    @Test(arguments: [
        ("Why?", "why", nil, nil as String?),
        ("Why?", "this", nil, "(see \"Why?\")"),
        ("Why?", "why?", "2.1", "(see 2.1)"),
        ("Why?", "that", "3.", "(see 3. \"Why?\")"),
        ("  Spaced\n title ", "x", nil, "(see \"Spaced title\")"),
        ("Why does a leading `/` fail?", "why does a leading / fail", nil, nil),
        ("Why do I enable it?", "Why do I enabled it?", nil, "(see \"Why do I enable it?\")"),
    ])
    func noteRule(_ title: String, _ linkText: String, _ number: String?, _ expected: String?) {
        let target = AnchorIndex.Target(kind: .entry, id: "x", title: [.text(title)], unit: 0, entry: 0)
        #expect(CrossReference.note(to: target, linkText: [.text(linkText)], number: number) == expected)
    }

    /// Every link repeats its target's title: a long one is cut, so the output stays
    /// proportional to the input.
    @Test func aLongTitleIsCutInNotes() {
        let words = String(repeating: "word ", count: 5_000)
        let target = AnchorIndex.Target(kind: .heading, id: "h", title: [.strong([.text(words)]), .text("end")], unit: nil, entry: nil)
        let note = CrossReference.note(to: target, linkText: [.text("it")], number: nil) ?? ""
        #expect(note.count <= CrossReference.maximumLabel + 12)
        #expect(note.hasSuffix("word…\")"))
        #expect(CrossReference.label([.text("Short"), .softBreak, .code("title")]) == "Short title")
    }

    @Test func jsonAnswerHTMLResolvesAgainstThePageURL() throws {
        func answerHTML(_ options: EmitOptions) throws -> [String] {
            let json = try JSONEmitter().emit(Self.document, options: options).text
            let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let sections = try #require(object["sections"] as? [[String: Any]])
            return sections.flatMap { ($0["entries"] as? [[String: Any]]) ?? [] }.compactMap { $0["answer_html"] as? String }
        }
        let based = try answerHTML(EmitOptions(baseURL: "https://example.org/faq/"))
        #expect(based[0].contains("<a href=\"https://example.org/faq/#second\">the second</a>"))
        #expect(based[0].contains("<a href=\"https://example.org/faq/#nowhere\">nothing</a>"))
        #expect(based[1].contains("<h4 id=\"deep\">Deep part</h4>"))
        let bare = try answerHTML(EmitOptions())
        #expect(bare[0].contains("<a href=\"#second\">the second</a>"))
    }

    /// A heading whose id another element holds is written without it, with a warning.
    @Test func aTakenHeadingIDIsLeftOutWithAWarning() throws {
        let document = FAQDocument(metadata: Metadata(title: "T"), body: .entries([
            Entry(id: "q", question: [.text("Q?")], answer: [
                .heading(Heading(level: 3, content: [.text("Same as the question")], id: "q")),
                .heading(Heading(level: 3, content: [.text("First")], id: "h")),
                .heading(Heading(level: 3, content: [.text("Second")], id: "h")),
            ], location: Self.at),
        ]))
        let result = try XHTMLEmitter().emit(document, options: EmitOptions())
        let page = result.text
        #expect(page.contains("<h3>Same as the question</h3>\n<h3 id=\"h\">First</h3>\n<h3>Second</h3>"))
        #expect(result.diagnostics.filter { $0.message.contains("already used") }.map(\.location) == [Self.at, Self.at])
    }
}
