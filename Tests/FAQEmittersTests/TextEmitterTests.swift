@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

@Suite struct TextEmitterTests {
    static func text(_ document: FAQDocument, width: Int = 72, baseURL: String? = nil) throws -> String {
        let result = try TextEmitter().emit(document, options: EmitOptions(textWidth: width, baseURL: baseURL))
        guard case .text(let text) = result.output else { throw UnexpectedOutput() }
        return text
    }

    @Test(arguments: Fixtures.names)
    func golden(_ name: String) throws {
        try Golden.check(Self.text(try Fixtures.document(name)), "\(name).txt")
    }

    @Test(arguments: Fixtures.names)
    func goldenNarrow(_ name: String) throws {
        try Golden.check(Self.text(try Fixtures.document(name), width: 20), "\(name).w20.txt")
    }

    /// No line is wider than the width, except one holding a single unbreakable token
    /// (after its indentation and structural prefix) or a line of a code block.
    @Test(arguments: Fixtures.names, [20, 40, 72])
    func widthIsRespected(_ name: String, _ width: Int) throws {
        let document = try Fixtures.document(name)
        let text = try Self.text(document, width: width)
        let code = Set(codeLines(document).map { String($0.drop { $0 == " " }) })
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let w = DisplayWidth.of(line)
            guard w > width else { continue }
            let trimmed = line.drop { $0 == " " || $0 == ">" }
            if code.contains(String(trimmed)) { continue }
            let tokens = trimmed.split(separator: " ").drop { Self.isStructural($0) }
            #expect(tokens.count == 1, "line of width \(w) > \(width) in \(name): \(line)")
        }
    }

    @Test(arguments: Fixtures.names, [0, 20, 40, 72])
    func plainTextRules(_ name: String, _ width: Int) throws {
        let text = try Self.text(try Fixtures.document(name), width: width)
        #expect(!text.utf8.contains(0x0D), "CR in output")
        #expect(!text.utf8.contains(0x09), "tab in output")
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(text.precomposedStringWithCanonicalMapping == text, "not NFC")
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(!line.hasSuffix(" "), "trailing space on line \(n + 1): \(line)")
        }
    }

    @Test(arguments: Fixtures.names, [20, 72])
    func everyURLAppears(_ name: String, _ width: Int) throws {
        let document = try Fixtures.document(name)
        let text = try Self.text(document, width: width)
        // A relative URL appears resolved against an absolute page URL (the permalink).
        let page = document.metadata.permalink.flatMap { $0.hasPrefix("http") ? URL(string: $0) : nil }
        for url in Self.urls(document) {
            let isRelative = !url.hasPrefix("#") && !url.contains(":") && !url.hasPrefix("//")
            let shown = isRelative ? page.flatMap { URL(string: url, relativeTo: $0)?.absoluteString } ?? url : url
            #expect(text.contains(shown), "\(shown) missing from \(name).txt at width \(width)")
        }
    }

    @Test func noWrapping() throws {
        let text = try Self.text(try Fixtures.document("widths"), width: 0)
        #expect(text.contains("日本語の文章は単語の間に空白を置かないので、表示幅で折り返すときは文字と文字の間で改行してよい。"))
    }

    @Test func layout() throws {
        let text = try Self.text(try Fixtures.document("everything"))
        #expect(text.hasPrefix("Everything FAQ\n==============\n"))
        #expect(text.contains("\nContents\n--------\n\n1. Basics\n   1.1 What is this?\n"))
        #expect(text.contains("\n1.1 What is this?\n\n    A fixture."))
        #expect(text.contains("        def hello():\n"))
        #expect(text.contains("> A block quote"))
        #expect(text.contains("another question [1].\n\n    [1] https://example.org/faq/#how-are-lists-written\n"))
        #expect(text.contains("https://www.example.org/autolink"))
        #expect(text.contains("[image: The logo] [2]"))
    }

    // MARK: Wrapping engine

    @Test func wrapsCJKBetweenCharactersButNotBeforeClosingPunctuation() {
        let lines = TextWrapper(width: 10).wrap("日本語のテキスト。です")
        #expect(lines == ["日本語のテ", "キスト。で", "す"])
        for line in lines { #expect(!line.hasPrefix("。")) }
    }

    @Test func longWordStandsAlone() {
        let lines = TextWrapper(width: 10).wrap("a Donaudampfschifffahrt b")
        #expect(lines == ["a", "Donaudampfschifffahrt", "b"])
    }

    @Test func graphemeClustersAreNeverSplit() {
        let family = "👩\u{200D}👩\u{200D}👧\u{200D}👦"
        let lines = TextWrapper(width: 3).wrap(String(repeating: family, count: 5) + " e\u{301}e\u{301}")
        #expect(lines.allSatisfy { $0.allSatisfy { $0 == Character(family) || $0 == "e\u{301}" } })
        #expect(lines.joined().count == 7)
    }

    @Test func atomsAreNotBroken() {
        let lines = TextWrapper(width: 10).wrap([.text("see ("), .atom("https://example.org/日本"), .text(") now")])
        #expect(lines == ["see", "(https://example.org/日本)", "now"])
    }

    @Test func hangingIndentAndHardBreaks() {
        let lines = TextWrapper(width: 12).wrap([.text("one two three"), .lineBreak, .text("four")], first: "1. ", rest: "   ")
        #expect(lines == ["1. one two", "   three", "   four"])
    }

    // MARK: Helpers

    static func isStructural(_ token: Substring) -> Bool {
        if ["*", "-", "+", ">", "[x]", "[", "]", "URL:"].contains(token) { return true }
        if token.hasPrefix("["), token.hasSuffix("]"), Int(token.dropFirst().dropLast()) != nil { return true }
        return !token.isEmpty && token.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    func codeLines(_ document: FAQDocument) -> [String] {
        var out: [String] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .code(let c): out += TextBlocks.codeLines(c.text)
                case .list(let l): l.items.forEach { walk($0.content) }
                case .quote(let q): walk(q.content)
                case .paragraph, .heading, .table, .thematicBreak: break
                }
            }
        }
        walk(document.preamble)
        if case .sections(let sections) = document.body { sections.forEach { walk($0.intro) } }
        document.allEntries.forEach { walk($0.answer) }
        return out
    }

    /// Every link and image URL of the document.
    static func urls(_ document: FAQDocument) -> [String] {
        var out: [String] = []
        func inlines(_ list: [Inline]) {
            for inline in list {
                switch inline {
                case .link(let l): out.append(l.url); inlines(l.content)
                case .image(let i): out.append(i.url)
                case .emphasis(let c), .strong(let c), .strikethrough(let c): inlines(c)
                case .text, .code, .lineBreak, .softBreak: break
                }
            }
        }
        func blocks(_ list: [Block]) {
            for block in list {
                switch block {
                case .paragraph(let p): inlines(p.content)
                case .heading(let h): inlines(h.content)
                case .list(let l): l.items.forEach { blocks($0.content) }
                case .quote(let q): blocks(q.content)
                case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach { inlines($0.content) }
                case .code, .thematicBreak: break
                }
            }
        }
        blocks(document.preamble)
        switch document.body {
        case .entries: break
        case .sections(let sections): sections.forEach { inlines($0.title); blocks($0.intro) }
        }
        for entry in document.allEntries {
            inlines(entry.question)
            blocks(entry.answer)
        }
        return out
    }
}
