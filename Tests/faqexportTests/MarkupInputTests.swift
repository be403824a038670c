import FAQTestSupport
import Foundation
import Testing

/// The RST, AsciiDoc and DocBook reader fixtures exported in every format by the binary,
/// each output checked by its real validator (`Tests/Validate/validate-outputs.sh`).
@Suite struct MarkupInputTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/FAQReadersTests/Fixtures")
    static let inputs = [
        "rst/sphinx-faq.rst", "asciidoc/qanda.adoc", "asciidoc/sections.adoc", "docbook/qandaset.xml",
        "docbook/article4.xml", "docbook/chapter.xml", "same/radio.rst", "same/radio.adoc", "same/radio.xml",
    ]

    @Test func everyOutputOfEveryMarkupPassesItsValidator() throws {
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        for (i, input) in Self.inputs.enumerated() {
            // Distinct names: three fixtures are called radio.
            let dir = out.appendingPathComponent("\(i)")
            let run = try CLI.run(["--quiet", "-f", "man,xhtml,json,jsonld,text", "--output-dir", dir.path, input], in: Self.fixtures)
            #expect(run.status == 0, "\(input): \(run.stderr)")
            let check = try ExternalTool.run(["bash", CLI.root.appendingPathComponent("Tests/Validate/validate-outputs.sh").path, dir.path])
            #expect(check.status == 0, "\(input): \(check.stdout)\(check.stderr)")
        }
        // One book of all of them (a chapter each): one epubcheck run.
        let book = out.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        let run = try CLI.run(["--quiet", "-f", "epub", "-o", book.appendingPathComponent("all.epub").path] + Self.inputs, in: Self.fixtures)
        #expect(run.status == 0, "\(run.stderr)")
        let check = try ExternalTool.run(["bash", CLI.root.appendingPathComponent("Tests/Validate/validate-outputs.sh").path, book.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func fromOverridesTheExtensionAndStandardInputIsSniffed() throws {
        let rst = try Data(contentsOf: Self.fixtures.appendingPathComponent("same/radio.rst"))
        let piped = try CLI.run(["-f", "json", "-"], stdin: [UInt8](rst))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("\"does-it-need-batteries\""))
        let named = try CLI.run(["-f", "json", "--from", "docbook", "docbook/chapter.xml"], in: Self.fixtures)
        #expect(named.status == 0)
        let wrong = try CLI.run(["-f", "json", "--from", "rst", "docbook/chapter.xml"], in: Self.fixtures)
        #expect(wrong.status == 1)
        let unknown = try CLI.run(["-f", "json", "--from", "troff", "docbook/chapter.xml"], in: Self.fixtures)
        #expect(unknown.status == 2 && unknown.stderr.contains("known input formats: markdown, mdx, html, rst, asciidoc, docbook"))
        let verbose = try CLI.run(["-v", "-f", "json", "-o", "/dev/null", "same/radio.adoc"], in: Self.fixtures)
        #expect(verbose.stderr.contains("3 questions (Asciidoctor: "), "\(verbose.stderr)")
        let list = try CLI.run(["--list-formats"])
        #expect(list.stdout.contains("rst       .rst .rest"))
    }
}
