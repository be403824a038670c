import Testing

@testable import FAQEmitters

/// The roff escaper and line writer (`Man/Roff.swift`) on their own.
@Suite("Roff writer")
struct RoffTests {
    @Test("break points never split a character: combining marks, flags, skin tones, joiners")
    func breakPointsKeepClusters() {
        for ascii in [false, true] {
            var out: [UInt8] = []
            let word = String(repeating: "e\u{301}", count: 40) + "🇯🇵🇫🇷👍🏽🧑\u{200D}💻" + String(repeating: "日", count: 3)
            Roff.appendEscaped(word, asciiOnly: ascii, newline: .fill, to: &out)
            let text = String(decoding: out, as: UTF8.self)
            #expect(text.contains("\\:"), "no break point at all")
            for piece in text.components(separatedBy: "\\:").dropFirst() {
                let first = ascii ? piece : String(piece.unicodeScalars.first.map { Character($0) } ?? " ")
                #expect(!first.hasPrefix("\u{301}") && !first.hasPrefix("\\[u0301]"), "break before a combining mark")
                #expect(!first.hasPrefix("🇵") && !first.hasPrefix("🇷") && !first.hasPrefix("\\[u1F1F5]") && !first.hasPrefix("\\[u1F1F7]"), "flag split")
                #expect(!first.hasPrefix("🏽") && !first.hasPrefix("\\[u1F3FD]") && !first.hasPrefix("💻") && !first.hasPrefix("\\[u1F4BB]"), "cluster split")
            }
        }
    }

    @Test("escaper: every special character")
    func escaper() {
        #expect(Roff.escape("a\\b") == "a\\eb")
        #expect(Roff.escape("-") == "\\-")
        #expect(Roff.escape("'") == "\\(aq")
        #expect(Roff.escape("\"") == "\\(dq")
        #expect(Roff.escape("`") == "\\(ga")
        #expect(Roff.escape("^") == "\\(ha")
        #expect(Roff.escape("~") == "\\(ti")
        #expect(Roff.escape("\\fB.so") == "\\efB.so")
        #expect(Roff.escape("a\nb\tc") == "a b c")
        #expect(Roff.escape("bell\u{07}nul\u{00}del\u{7F}") == "bellnuldel")
        #expect(Roff.escape("café 日本 🎉") == "café 日本 🎉")
        #expect(Roff.escape("café 日本 🎉", asciiOnly: true) == "caf\\[u00E9] \\[u65E5]\\[u672C] \\[u1F389]")
        #expect(Roff.escape("\u{A0}", asciiOnly: true) == "\\[u00A0]")
    }

    @Test("line writer: \\& before . and ', no trailing space, no blank line")
    func lineWriter() throws {
        var writer = RoffWriter(asciiOnly: false)
        writer.text(".so x\n'sy y\n   .TH z   \n\n\u{01}.pso w")
        writer.literalLine(".so code")
        writer.literalLine("")
        writer.literalLine("  indented\t")
        writer.literalLine("'sy code")
        writer.inTableCell = true
        writer.text("T}\n@x@")
        writer.inTableCell = false
        writer.request("SH", ".so \"x\"")
        writer.inlineEscape("\\fB")
        writer.text(".not a request")
        let sink = OutputSink()
        try writer.finish(into: sink)
        #expect(String(decoding: sink.bytes, as: UTF8.self) == """
            \\&.so x
            \\(aqsy y
            \\&.TH z
            \\&.pso w
            \\&.so code
            \\&
              indented
            \\(aqsy code
            \\&T}
            \\&\\(atx\\(at
            .SH ".so \\(dqx\\(dq"
            \\fB.not a request

            """)
    }
}
