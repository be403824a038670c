import FAQModel
import Foundation
import Testing

@testable import FAQEmitters

/// Fixed time, so goldens do not depend on SOURCE_DATE_EPOCH or the clock (2026-01-15).
private let fixedOptions = EmitOptions(timestamp: 1_768_435_200)

private func emitMan(_ document: FAQDocument, _ options: EmitOptions = fixedOptions) throws -> (String, [Diagnostic]) {
    let result = try ManEmitter().emit(document, options: options)
    let text = result.text
    return (text, result.diagnostics)
}

/// Rendered terminal text without overstrike (`x\bx`, `_\bx`) or SGR, whitespace runs collapsed.
private func plain(_ rendered: String) -> String {
    var scalars: [Unicode.Scalar] = []
    var iterator = rendered.unicodeScalars.makeIterator()
    var escape = false
    while let scalar = iterator.next() {
        if escape {
            if scalar == "m" { escape = false }
            continue
        }
        switch scalar {
        case "\u{1B}": escape = true
        case "\u{08}": if !scalars.isEmpty { scalars.removeLast() }
        default: scalars.append(scalar)
        }
    }
    return String(String.UnicodeScalarView(scalars)).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// The man page validators every page must pass silently.
private func validate(_ page: String, asciiPage: String, name: String) throws {
    let path = try ExternalTool.temporaryFile(Array(page.utf8), suffix: ".7")
    let asciiPath = try ExternalTool.temporaryFile(Array(asciiPage.utf8), suffix: ".7")
    defer {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: asciiPath)
    }
    for file in [path, asciiPath] {
        let lint = try ExternalTool.run(["mandoc", "-Tlint", "-W", "warning", file])
        #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty, "\(name): mandoc -Tlint: \(lint.stdout)\(lint.stderr)")
    }
    // UTF-8 pages go through preconv (-k), as man-db does; a terminal device has every glyph.
    let groff = try ExternalTool.run(["groff", "-k", "-Tutf8", "-t", "-man", "-ww", "-z", path])
    #expect(groff.status == 0 && groff.stderr.isEmpty, "\(name): groff -k -Tutf8: \(groff.stderr)")
    let groffASCII = try ExternalTool.run(["groff", "-Tutf8", "-t", "-man", "-ww", "-z", asciiPath])
    #expect(groffASCII.status == 0 && groffASCII.stderr.isEmpty, "\(name): groff on --ascii page: \(groffASCII.stderr)")
    // The plain invocation (default device ps) for every page whose text is ASCII: it has no
    // glyphs for CJK or emoji whatever the encoding, so those pages are checked on -Tutf8 above.
    if !page.utf8.contains(where: { $0 >= 0x80 }) {
        let plainGroff = try ExternalTool.run(["groff", "-t", "-man", "-ww", "-z", path])
        #expect(plainGroff.status == 0 && plainGroff.stderr.isEmpty, "\(name): groff -t -man -ww -z: \(plainGroff.stderr)")
    }
    let lexgrog = try ExternalTool.run(["lexgrog", path])
    #expect(lexgrog.status == 0, "\(name): lexgrog failed: \(lexgrog.stdout)\(lexgrog.stderr)")
    #expect(lexgrog.stdout.contains(" - "), "\(name): lexgrog found no NAME line: \(lexgrog.stdout)")
}

private func lines(_ page: String) -> [Substring] {
    page.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
}

@Suite("Man emitter")
struct ManEmitterTests {
    @Test("golden page and validators", arguments: Fixtures.names)
    func golden(name: String) throws {
        let document = try Fixtures.document(name)
        let (page, _) = try emitMan(document)
        try Golden.check(page, "\(name).7")

        var asciiOptions = fixedOptions
        asciiOptions.asciiOnly = true
        let (asciiPage, _) = try emitMan(document, asciiOptions)
        #expect(!asciiPage.utf8.contains(where: { $0 >= 0x80 }), "--ascii page has non-ASCII bytes")
        try validate(page, asciiPage: asciiPage, name: name)

        // One .SS per question; no blank lines, no trailing whitespace.
        #expect(lines(page).filter { $0.hasPrefix(".SS ") }.count == document.allEntries.count)
        #expect(page.hasSuffix("\n"))
        for line in lines(page) {
            #expect(!line.isEmpty, "blank line in \(name)")
            #expect(line.last != " " && line.last != "\t", "trailing whitespace in \(name): \(line)")
        }
        #expect(page.contains(".SH \"NAME\"\n"))
    }

    @Test("hostile text renders literally in mandoc and groff")
    func hostileRendersLiterally() throws {
        let (page, _) = try emitMan(try Fixtures.document("hostile"))
        let path = try ExternalTool.temporaryFile(Array(page.utf8), suffix: ".7")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mandoc = try ExternalTool.run(["mandoc", "-Tascii", "-O", "width=250", path])
        let groff = try ExternalTool.run(["groff", "-t", "-man", "-Tascii", "-rLL=250n", "-rHY=0", path])
        #expect(mandoc.status == 0 && groff.status == 0)
        let expected = [
            ".so /etc/passwd", "'sy echo pwned", ".TH FAKE 1", ".TH CODE 1", "\\fB code \\fR", "\\X'tty: link",
            ".SH Is .pso a \\fBquestion\\fR?", "'sy Is this safe?", ".pso echo pwned", "*(Tm and \\n[.T] and \\fB not bold \\fR",
            "\\e and \\ backslashes", "'single' and \"double\" quotes", "^caret, ~tilde and -dashes--.", "'sy item .TH continued",
            "col .so", "@x@", "T{", "T}", "hostile\\fR.so - 'sy rm -rf / \\*(Tm \\n[.T] -- dash",
            ".so /etc/passwd \\fB bold \\X'tty: link' \"quoted\"", ".so x(1), \\fBbad\\fR(7)",
            "ok <https://example.org/.so?x=%5CfB&y='sy>. Paragraph with handler", "link http://evil' *(Tm",
        ]
        for (tool, output) in [("mandoc", plain(mandoc.stdout)), ("groff", plain(groff.stdout))] {
            for text in expected {
                #expect(output.contains(text), "\(tool) does not show \(text) literally")
            }
        }
    }

    @Test("groff -U executes nothing from the document")
    func unsafeModeRunsNothing() throws {
        let marker = NSTemporaryDirectory() + "faqexport-pwned-\(UUID().uuidString)"
        let attack = ".sy touch \(marker)"
        let attacks = [attack, "'sy touch \(marker)", ".pso touch \(marker)", "\\X'sy touch \(marker)'", "\\!.sy touch \(marker)"]
        let paragraphs = attacks.map { Block.paragraph(Paragraph([.text($0)])) }
        let lineStarts = attacks.map { Inline.text($0) }.flatMap { [$0, .softBreak] }
        let document = FAQDocument(
            metadata: Metadata(title: attack, description: attack, date: attack, extra: ["man_name": attack, "see_also": attack, "man_manual": attack]),
            preamble: paragraphs,
            body: .sections([
                Section(id: "s", title: [.text(attack)], intro: [.code(CodeBlock(text: attacks.joined(separator: "\n")))], entries: [
                    Entry(id: "e", question: [.text(attack)], answer: [
                        .paragraph(Paragraph(lineStarts)),
                        .paragraph(Paragraph([.link(Link(url: "https://x.example/\(attack)", content: [.text(attack)]))] + [.text(attack)])),
                        .list(ListBlock(kind: .bullet, items: [ListItem(content: paragraphs)])),
                        .table(Table(alignments: [.none], header: [TableCell([.text(attack)])], rows: [[TableCell(lineStarts)]])),
                    ])
                ])
            ]))
        let (page, _) = try emitMan(document)
        let path = try ExternalTool.temporaryFile(Array(page.utf8), suffix: ".7")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for arguments in [["groff", "-U", "-t", "-man", "-Tascii", path], ["groff", "-U", "-t", "-man", "-z", path]] {
            _ = try ExternalTool.run(arguments)
            #expect(!FileManager.default.fileExists(atPath: marker), "groff -U ran a command from the document")
        }
        let lint = try ExternalTool.run(["mandoc", "-Tlint", "-W", "warning", path])
        #expect(lint.stdout.isEmpty && lint.stderr.isEmpty, "\(lint.stdout)")
        let render = try ExternalTool.run(["groff", "-t", "-man", "-Tascii", "-rLL=250n", path])
        #expect(plain(render.stdout).contains(attack))

        // The control: the same request written as roff does run, so the check above means something.
        let control = try ExternalTool.temporaryFile(Array(".TH X 7\n.SH NAME\nx \\- y\n\(attack)\n".utf8), suffix: ".7")
        defer {
            try? FileManager.default.removeItem(atPath: control)
            try? FileManager.default.removeItem(atPath: marker)
        }
        _ = try ExternalTool.run(["groff", "-U", "-man", "-z", control])
        #expect(FileManager.default.fileExists(atPath: marker), "control: groff -U did not run .sy")
    }

    @Test("header: name, section, date, source, manual")
    func header() throws {
        let document = FAQDocument(
            metadata: Metadata(title: "Café: the FAQ!", description: "All about\nit", date: "2025-03-04T10:11:12Z"),
            body: .entries([Entry(id: "q", question: [.text("Q?")], answer: [.paragraph(Paragraph([.text("A.")]))])]))
        let (page, _) = try emitMan(document, EmitOptions(timestamp: 0, manSection: "1"))
        #expect(page.contains(".TH \"CAF\\-THE\\-FAQ\" \"1\" \"2025-03-04\" \"faqexport\" \"Café: the FAQ!\"\n"))
        #expect(page.contains(".SH \"NAME\"\ncaf\\-the\\-faq \\- All about it\n"))
        #expect(page.contains(".SH \"DESCRIPTION\"\nAll about\nit\n.SS \"Q?\"\nA.\n"))
        #expect(!page.contains("SEE ALSO"))
        #expect(!page.hasPrefix("'\\\" t"))

        var withFrontMatter = document
        withFrontMatter.metadata.date = nil
        withFrontMatter.metadata.extra = [
            "man_name": "tool", "man_section": "5", "man_source": "Tool 2", "man_manual": "Tool Manual", "see_also": "a(1), b, c(8)",
        ]
        let (other, _) = try emitMan(withFrontMatter, EmitOptions(timestamp: 1_768_435_200, manSection: "1"))
        #expect(other.contains(".TH \"TOOL\" \"5\" \"2026-01-15\" \"Tool 2\" \"Tool Manual\"\n"))
        #expect(other.contains(".SH \"SEE ALSO\"\n.BR \"a\" \"(1),\"\nb,\n.BR \"c\" \"(8)\"\n"))
    }

    @Test("dates come from the front matter, else the timestamp, in UTC")
    func dates() {
        #expect(ManPage.date("2026-01-15", timestamp: 0) == "2026-01-15")
        #expect(ManPage.date("2026-01-15 08:00:00 +0100", timestamp: 0) == "2026-01-15")
        #expect(ManPage.date("January 2026", timestamp: 0) == "1970-01-01")
        #expect(ManPage.date(nil, timestamp: 1_768_435_200) == "2026-01-15")
        #expect(ManPage.civilDate(951_868_799) == "2000-02-29")
        #expect(ManPage.civilDate(-86_400) == "1969-12-31")
        #expect(ManPage.civilDate(-1) == "1969-12-31")
    }

    @Test("links: web, mail, relative and script URLs")
    func links() throws {
        #expect(ManLinkTarget("https://example.org/a") == .web("https://example.org/a"))
        #expect(ManLinkTarget("  FTP://example.org/") == .web("FTP://example.org/"))
        #expect(ManLinkTarget("mailto:a@b.org?subject=x") == .mail("a@b.org"))
        #expect(ManLinkTarget("#anchor") == .textOnly)
        #expect(ManLinkTarget("../guide.md") == .textOnly)
        #expect(ManLinkTarget("./a:b") == .textOnly)
        #expect(ManLinkTarget("javascript:alert(1)") == .unsafe)
        #expect(ManLinkTarget("JAVASCRIPT:alert(1)") == .unsafe)
        #expect(ManLinkTarget("data:text/html,x") == .unsafe)
        #expect(ManLinkTarget("vbscript:x") == .unsafe)

        let answer: [Inline] = [
            .text("See "), .link(Link(url: "https://e.org/x-y", content: [.text("this")])), .text("), then more"),
            .text(" and "), .link(Link(url: "mailto:m@e.org", content: [.text("mail")])), .text(" or "),
            .link(Link(url: "javascript:x()", content: [.text("bad")])),
        ]
        let document = FAQDocument(
            metadata: Metadata(title: "T"),
            body: .entries([Entry(id: "q", question: [.text("Q")], answer: [.paragraph(Paragraph(answer))])]))
        let (page, diagnostics) = try emitMan(document)
        #expect(page.contains("See\n.UR \"https://e.\\:org/\\:x\\-y\"\nthis\n.UE ),\nthen more and\n.MT \"m@e.org\"\nmail\n.ME\nor bad\n"))
        #expect(diagnostics.count == 1)
    }

    @Test("a link whose text is its address is written once, as unhyphenated text")
    func bareURLs() throws {
        let url = "https://example.org/search?query=averyveryverylongsearchterm"
        let document = FAQDocument(metadata: Metadata(title: "T"), body: .entries([Entry(id: "q", question: [.text("Q?")], answer: [
            .paragraph(Paragraph([.text("See "), .link(Link(url: url, content: [.text(url)])), .text(", "),
                                  .link(Link(url: "mailto:a@example.org", content: [.text("a@example.org")])), .text(" or "),
                                  .link(Link(url: url, content: [.emphasis([.text(url)])])), .text(".")])),
        ])]))
        let (page, _) = try emitMan(document)
        #expect(page.contains("See \\%https://example.\\:\\%org/\\:\\%search?\\:\\%query=\\:\\%averyveryverylongsearchterm, \\%a@example.org or\n.UR "))
        // Emphasis would be lost as text: that one stays a `.UR` link.
        #expect(lines(page).filter { $0.hasPrefix(".UR") }.count == 1)
        #expect(!page.contains(".MT"))
        let (asciiPage, _) = try emitMan(document, { var o = fixedOptions; o.asciiOnly = true; return o }())
        try validate(page, asciiPage: asciiPage, name: "bare URLs")
    }

    @Test("long URLs wrap after / ? & = # and ., never inside the scheme's // or after -")
    func urlBreakPoints() throws {
        let query = "https://example.org/search?query=averyveryverylongsearchtermthatgoesonandon&page=2&lang=en&sort=relevance&filter=none#top"
        let host = "https://a-very-very-long-host-name-that-never-ends.subdomain.example-organization.example.org"
        let document = FAQDocument(metadata: Metadata(title: "T"), body: .entries([Entry(id: "q", question: [.text("Q?")], answer: [
            .paragraph(Paragraph([.text("See "), .link(Link(url: query, content: [.text("the search")])), .text(" and "),
                                  .link(Link(url: host, content: [.text("host")])), .text(" now.")])),
        ])]))
        let (page, _) = try emitMan(document)
        #expect(page.contains(".UR \"https://example.\\:org/\\:search?\\:query=\\:averyveryverylongsearchtermthatgoesonandon&\\:page=\\:2&\\:lang=\\:en&\\:sort=\\:relevance&\\:filter=\\:none#\\:top\"\n"))
        #expect(page.contains(".UR \"https://a\\-very\\-very\\-long\\-host\\-name\\-that\\-never\\-ends.\\:subdomain.\\:example\\-organization.\\:example.\\:org\"\n"))
        let (asciiPage, _) = try emitMan(document, { var o = fixedOptions; o.asciiOnly = true; return o }())
        #expect(lines(asciiPage).filter { $0.hasPrefix(".UR") } == lines(page).filter { $0.hasPrefix(".UR") })
        try validate(page, asciiPage: asciiPage, name: "long URLs")
    }

    @Test("structure: paragraphs, lists, code, quotes, tables, rules")
    func blocks() throws {
        let answer: [Block] = [
            .paragraph(Paragraph([.text("First.")])),
            .code(CodeBlock(text: ".so a\n\n-x")),
            .list(ListBlock(kind: .ordered, start: 9, items: [
                ListItem(content: [.paragraph(Paragraph([.text("nine")])), .paragraph(Paragraph([.text("more")]))]),
                ListItem(content: [.code(CodeBlock(text: "ten"))]),
            ])),
            .thematicBreak,
            .heading(Heading(level: 3, content: [.emphasis([.text("Inner "), .strong([.text("both")])])])),
            .quote(BlockQuote([.paragraph(Paragraph([.code("q")]))])),
        ]
        let document = FAQDocument(
            metadata: Metadata(title: "T"),
            body: .entries([Entry(id: "q", question: [.strong([.text("Q")])], answer: answer)]))
        let (page, _) = try emitMan(document)
        #expect(page.contains("""
            .SS "Q"
            First.
            .PP
            .RS 4
            .EX
            \\&.so a
            \\&
            \\-x
            .EE
            .RE
            .IP 9. 4
            nine
            .RS 4
            .PP
            more
            .RE
            .IP 10. 4
            .RS 4
            .RS 4
            .EX
            ten
            .EE
            .RE
            .RE
            .sp
            .PP
            \\fB\\f(BIInner both\\fB\\fR
            .PP
            .RS 4
            \\f(CRq\\fR
            .RE

            """))
    }

    @Test("tables fit the line: short columns at their width, long ones share the rest")
    func tableColumns() {
        // Option | Description: the description's text blocks get the whole rest of the line.
        #expect(TableColumns(natural: [6, 104], longest: [6, 12], line: 71)?.widths == [nil, 58])
        // Water-filling: ID, Kind, Default, Since fit the first even share, Name the second.
        #expect(TableColumns(natural: [2, 16, 6, 85, 7, 5], longest: [2, 16, 6, 12, 7, 5], line: 71)?.widths == [nil, nil, nil, 16, nil, nil])
        // Everything fits: nothing wraps.
        #expect(TableColumns(natural: [1, 0, 30], longest: [1, 0, 8], line: 71)?.widths == [nil, nil, nil])
        // Nothing fits its share: the columns share the line, a long word gets its room first.
        #expect(TableColumns(natural: [40, 50, 60], longest: [6, 30, 6], line: 71)?.widths == [16, 30, 15])
        // Words that cannot fit side by side: no grid (records instead).
        #expect(TableColumns(natural: [40, 50, 60], longest: [30, 30, 30], line: 71) == nil)
        #expect(TableColumns(natural: Array(repeating: 7, count: 12), longest: Array(repeating: 7, count: 12), line: 71) == nil)
    }

    @Test("a cell's width and widest run: URLs break after / ? & = # ., words every 24 characters")
    func cellMeasure() {
        let link = Link(url: "https://example.org/search?query=averyveryverylongterm&page=2", content: [.text("search")])
        let measure = CellMeasure([.text("see "), .link(link)])
        #expect(measure.width == 4 + 6 + 3 + link.url.count)
        #expect(measure.longestRun == (22 * 5 + 3) / 4)  // "averyveryverylongterm&", and a quarter for -Tps
        #expect(CellMeasure([.text(String(repeating: "x", count: 90))]).longestRun == 30)
        // A relative or mail link prints no URL of its own beyond what it shows.
        #expect(CellMeasure([.link(Link(url: "../other.html", content: [.text("rel")]))]).width == 3)
        #expect(CellMeasure([.link(Link(url: "mailto:a@example.com", content: [.text("a@example.com")]))]).width == 13)
    }

    @Test("wide tables and deeply nested lists pass groff -ww on an 80-column terminal")
    func wideAndDeep() throws {
        func cells(_ texts: [String]) -> [TableCell] { texts.map { TableCell([.text($0)]) } }
        let six = Table(alignments: [], header: cells(["ID", "Name", "Kind", "Description", "Default", "Since"]), rows: [
            cells(["1", "alpha", "int", "The number of retries before the connection is given up for good, counted per host.", "3", "1.0"]),
            cells(["2", "beta-gamma-delta", "string", "Short.", "none", "2.10"]),
        ])
        let five = Table(alignments: [.left, .center, .right, .none, .none], header: cells(["a", "b", "c", "d", "e"]), rows: [
            cells(["one two three", "four five six", "seven eight", "nine ten eleven twelve", "thirteen"]),
        ])
        let two = Table(alignments: [], header: cells(["Option", "Description"]), rows: [
            cells(["-v", "Prints more about what the tool is doing, including every file it reads and writes and why it skips some."]),
        ])
        let urls = Table(alignments: [], header: [TableCell([.code("opt"), .text(" name")]), TableCell([.emphasis([.text("Where")]), .text(" to")])], rows: [
            [TableCell([.text("search")]), TableCell([.link(Link(url: "https://example.org/search?query=averyveryverylongterm&page=2", content: [.text("the search page")]))])],
            [TableCell([.text("mail")]), TableCell([.link(Link(url: "mailto:a@example.org", content: [.text("a@example.org")]))])],
        ])
        let twelve = Table(alignments: [], header: cells((1...12).map { "Head\($0)" }), rows: [cells((1...12).map { "value\($0)" }), [], cells(["", "x"])])
        let header = Table(alignments: [], header: cells((1...12).map { "Head\($0)" }), rows: [])
        var deep: [Block] = [.paragraph(Paragraph([.text("innermost paragraph of a deeply nested list")]))]
        for level in (0..<45).reversed() {
            deep = [.list(ListBlock(kind: .bullet, items: [ListItem(content: [.paragraph(Paragraph([.text("level \(level)")]))] + deep)]))]
        }
        let document = FAQDocument(metadata: Metadata(title: "Wide"), body: .entries([
            Entry(id: "six", question: [.text("Six?")], answer: [.table(six)]),
            Entry(id: "five", question: [.text("Five?")], answer: [
                .table(five), .quote(BlockQuote([.table(five)])),
                .list(ListBlock(kind: .ordered, items: [ListItem(content: [.paragraph(Paragraph([.text("In a list:")])), .table(five)])])),
            ]),
            Entry(id: "two", question: [.text("Two?")], answer: [.table(two), .table(urls)]),
            Entry(id: "records", question: [.text("Records?")], answer: [.table(twelve), .quote(BlockQuote([.table(header)]))]),
            Entry(id: "deep", question: [.text("Deep?")], answer: deep),
        ]))
        let (page, diagnostics) = try emitMan(document)
        let (asciiPage, _) = try emitMan(document, { var o = fixedOptions; o.asciiOnly = true; return o }())
        try validate(page, asciiPage: asciiPage, name: "wide")
        // Twelve columns cannot fit: records, reported once per table.
        #expect(diagnostics.filter { $0.message.contains("laid out as records") }.count == 2)
        #expect(page.contains("\\fBHead1\\fR: value1\n.br\n\\fBHead2\\fR: value2\n"))
        #expect(page.contains("\\fBHead1\\fR | \\fBHead2\\fR"))
        // tbl sets the header bold: after code or emphasis the text is bold again.
        #expect(page.contains("\n\\&\\f(CBopt\\fB name@T{\n\\&\\f(BIWhere\\fB to\nT}\n"))
        // A URL in a cell: not hyphenated after any break point, `@` escaped; its own text once.
        #expect(page.contains("\\&the search page \\%<https://example.\\:\\%org/\\:\\%search?\\:\\%query=\\:\\%averyveryverylongterm&\\:\\%page=\\:\\%2>\n"))
        #expect(page.contains("\\&\\%a\\(atexample.org\n"))
        #expect(page.contains("\nlb lbw(58n)\nl lw(58n).\n"))
        // A short column's cells are entries on the row's line, a long one's a text block.
        #expect(page.contains("\n\\&\\-v@T{\n"))
        // Insets stop at half the line; every .RS still has its .RE.
        #expect(lines(page).filter { $0.hasPrefix(".RS") }.count == lines(page).filter { $0 == ".RE" }.count)
        #expect(page.contains(".RS 0\n"))
    }

    @Test("text glued to a link that escapes to nothing ends the closing line")
    func gluedControlsAfterLinks() throws {
        func entry(_ id: String, _ answer: [Inline]) -> Entry {
            Entry(id: id, question: [.text(id + "?")], answer: [.paragraph(Paragraph(answer))])
        }
        let web = Link(url: "https://example.org/", content: [.text("docs")])
        let mail = Link(url: "mailto:a@b.c", content: [.text("mail")])
        let document = FAQDocument(metadata: Metadata(title: "Glued"), body: .entries([
            entry("first", [.text("See "), .link(web), .text("\u{01}")]),
            entry("second", [.link(web), .text("\u{7F} swallowed words")]),
            entry("third", [.link(mail), .text("\u{7F}")]),
            entry("fourth", [.text("C1 \u{85}\u{9B}2J and \u{A0}kept"), .link(Link(url: "https://e.org/\u{9B}x/\u{E9}", content: [.text("e\u{9B}")]))]),
        ]))
        for ascii in [false, true] {
            var options = fixedOptions
            options.asciiOnly = ascii
            let (page, _) = try emitMan(document, options)
            for line in lines(page) where line.hasPrefix(".UE") || line.hasPrefix(".ME") {
                #expect(line.count == 3 || line.dropFirst(3).first == " ", "text glued onto \(line)")
            }
            #expect(lines(page).filter { $0.hasPrefix(".SS ") }.count == 4)
            #expect(page.contains("swallowed words"))
            #expect(!page.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) }, "a C1 control reached the page")
            #expect(page.contains(ascii ? "\\[u00A0]kept" : "\u{A0}kept"))
            #expect(page.contains(ascii ? "e.\\:org/\\:x/\\:\\[u00E9]" : "e.\\:org/\\:x/\\:\u{E9}"))
            let (asciiPage, _) = try emitMan(document, { var o = fixedOptions; o.asciiOnly = true; return o }())
            if !ascii { try validate(page, asciiPage: asciiPage, name: "glued") }
        }
    }

    @Test("degenerate documents still validate")
    func degenerate() throws {
        let empty = Paragraph([])
        let documents = [
            FAQDocument(metadata: Metadata(), body: .entries([])),
            // A question of 40 CJK characters: one run groff can only break at `\:`.
            FAQDocument(metadata: Metadata(title: "CJK"), body: .sections([Section(
                id: "s", title: [.text(String(repeating: "長い節の題名", count: 7))],
                entries: [Entry(id: "q", question: [.text(String(repeating: "日本語の質問", count: 7) + "？")], answer: [])])])),
            // Names lexgrog cannot read as they are, a description of controls only.
            FAQDocument(metadata: Metadata(title: "T", description: "\u{05}\u{85}", extra: ["man_name": "foo bar"]), body: .entries([])),
            FAQDocument(metadata: Metadata(title: "\u{7F}", extra: ["man_name": "--x", "man_manual": "\u{01}"]), body: .entries([])),
            FAQDocument(metadata: Metadata(title: "  "), body: .sections([Section(id: "s", title: [], entries: [])])),
            FAQDocument(
                metadata: Metadata(title: "Edge", description: ""),
                preamble: [.thematicBreak, .paragraph(empty), .quote(BlockQuote([]))],
                body: .sections([
                    Section(id: "a", title: [.text("\n")], intro: [.heading(Heading(level: 3, content: []))], entries: [
                        Entry(id: "empty", question: [], answer: []),
                        Entry(id: "odd", question: [.lineBreak, .text(".TH x")], answer: [
                            .list(ListBlock(kind: .bullet, items: [ListItem(content: []), ListItem(task: .checked, content: [.code(CodeBlock(text: ""))])])),
                            .list(ListBlock(kind: .ordered, items: [])),
                            .table(Table(alignments: [], header: [], rows: [[], [TableCell([])], [TableCell([.text("x")]), TableCell([])]])),
                            .table(Table(alignments: [.right], header: [TableCell([.link(Link(url: "https://e.org", content: [.text("e")]))])], rows: [])),
                            .quote(BlockQuote([.quote(BlockQuote([.code(CodeBlock(text: "  \n\t"))]))])),
                            .paragraph(Paragraph([.link(Link(url: "https://e.org/", content: [])), .strikethrough([.text("gone")]), .lineBreak])),
                        ]),
                        // Blocks with nothing to show: no empty .RS block, no empty paragraph.
                        Entry(id: "hollow", question: [.text("Hollow?")], answer: [
                            .quote(BlockQuote([.thematicBreak])),
                            .quote(BlockQuote([.list(ListBlock(kind: .bullet, items: []))])),
                            .quote(BlockQuote([.table(Table(alignments: [], header: [], rows: []))])),
                            .table(Table(alignments: [], header: [], rows: [])),
                            .quote(BlockQuote([.paragraph(Paragraph([.text("\u{9B}\u{9B}")]))])),
                            .paragraph(Paragraph([.text("\u{9B}")])),
                            .paragraph(Paragraph([.text("end")])),
                        ]),
                    ]),
                    Section(id: "b", title: [.text("Trailing")], entries: []),
                ])),
        ]
        for (index, document) in documents.enumerated() {
            let (page, _) = try emitMan(document)
            var asciiOptions = fixedOptions
            asciiOptions.asciiOnly = true
            let (asciiPage, _) = try emitMan(document, asciiOptions)
            try validate(page, asciiPage: asciiPage, name: "degenerate #\(index)")
            #expect(lines(page).filter { $0.hasPrefix(".SS ") }.count == document.allEntries.count)
            for line in lines(page) {
                #expect(!line.isEmpty && line.last != " " && line.last != "\t", "degenerate #\(index): bad line \(line)")
            }
        }
    }

    @Test("registry returns the man emitter")
    func registry() throws {
        #expect(OutputFormat.man.emitter is ManEmitter)
    }
}
