import FAQModel
@testable import FAQReaders
import Foundation
import Testing

/// Large Markdown is converted in two halves on two threads (`SplitConversion`); the
/// result must be the one-thread conversion's, diagnostics included.
@Suite struct SplitConversionTests {
    /// Reads `text` once on one thread and once split (threshold 2: any document of two
    /// or more top-level blocks is split).
    func bothWays(_ text: String, maxNesting: Int = 64) throws -> (serial: FAQReader.Result, split: FAQReader.Result) {
        var serial = ReaderOptions(maxNesting: maxNesting)
        serial.splitThreshold = Int.max
        var split = serial
        split.splitThreshold = 2
        return (
            try FAQReader.read(text: text, path: "split.md", options: serial),
            try FAQReader.read(text: text, path: "split.md", options: split))
    }

    /// A FAQ in sections with every block kind, links, non-ASCII text and task items.
    func generated(entries: Int) -> String {
        var s = "---\ntitle: Split\n---\n\nPreamble with a [link](https://example.org/).\n\n"
        for i in 0..<entries {
            if i % 10 == 0 { s += "## Section \(i / 10)\n\nIntro *\(i)*.\n\n" }
            s += "### Question \(i), über straße?\n\nAnswer **\(i)** with `code` and ~~old~~ https://example.org/\(i).\n\n"
            s += "- [x] done\n- [ ] open\n  1. nested\n\n> quoted \(i)\n\n| a | b |\n|:--|--:|\n| \(i) | 日本語 |\n\n```swift\nlet x = \(i)\n```\n\n"
        }
        return s
    }

    @Test func generatedFAQConvertsTheSameOnTwoThreads() throws {
        let (serial, split) = try bothWays(generated(entries: 300))
        #expect(serial.document.allEntries.count == 300)
        #expect(split.document == serial.document)
        #expect(split.diagnostics == serial.diagnostics)
    }

    @Test func everyMarkdownFixtureConvertsTheSame() throws {
        let fixtures = ReaderFixtures.fixtures
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".md") }
        #expect(names.count >= 5)
        for name in names {
            let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            guard let (serial, split) = try? bothWays(text) else { continue }  // bad-yaml.md fails before the parse
            #expect(split.document == serial.document, "\(name)")
            #expect(split.diagnostics == serial.diagnostics, "\(name)")
        }
    }

    /// Raw HTML met by the second half still sends the whole document down the HTML path
    /// (the `<details>`, inside the last answer, stays there as its bold summary).
    @Test func rawHTMLInTheSecondHalfIsSeen() throws {
        let text = generated(entries: 40) + "### Last?\n\n<details><summary>More?</summary>\n\nYes.\n\n</details>\n"
        let (serial, split) = try bothWays(text)
        #expect(split.document == serial.document)
        #expect(split.document.allEntries.last?.answer.contains(.paragraph(Paragraph([.strong([.text("More?")])]))) == true)
    }

    /// Too-deep nesting in both halves: still one warning, at the first place.
    @Test func nestingWarningIsGivenOnce() throws {
        let deep = "> > > > > deep\n\n"
        let text = "# FAQ\n\n## One?\n\n" + deep + String(repeating: "Filler.\n\n", count: 20) + "## Two?\n\n" + deep
        let (serial, split) = try bothWays(text, maxNesting: 3)
        #expect(serial.diagnostics.count == 1)
        #expect(split.diagnostics == serial.diagnostics)
        #expect(split.document == serial.document)
    }

    /// Nesting up to the limit is converted on a worker thread's smaller stack too.
    @Test func deepNestingInTheSecondHalf() throws {
        let quotes = String(repeating: "> ", count: 300) + "deep\n\n"
        let emphasis = String(repeating: "*x ", count: 300) + "y" + String(repeating: " x*", count: 300) + "\n\n"
        let lists = (0..<300).map { String(repeating: "  ", count: $0) + "- item\n" }.joined() + "\n"
        // The filler puts the middle line, where the split falls, before the deep blocks.
        let text = "# FAQ\n\n## One?\n\n" + String(repeating: "Filler.\n\n", count: 400) + "## Two?\n\n" + quotes + emphasis + lists
        let (serial, split) = try bothWays(text)
        #expect(split.document == serial.document)
        #expect(split.diagnostics == serial.diagnostics)
        #expect(serial.diagnostics.count == 1)
    }
}
