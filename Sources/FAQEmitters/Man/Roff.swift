/// roff output shared by every roff-based emitter (man(7) today): the one escaper and the
/// one line writer.
///
/// Everything that came from the document goes through `Roff.appendEscaped` — text,
/// code, URLs, macro arguments, front matter — so no input can become a request, a macro
/// or an escape:
///
/// - `\` → `\e`, `-` → `\-`, `'` `"` `` ` `` `^` `~` → `\(aq` `\(dq` `\(ga` `\(ha` `\(ti`;
/// - C0 controls, DEL and C1 controls are dropped (groff rejects the first as input
///   characters and passes C1 — U+009B is a terminal's CSI — straight to the terminal);
/// - non-ASCII is copied as UTF-8, or written `\[uXXXX]` when `asciiOnly` is set.
///
/// `RoffWriter` builds the page into one byte buffer and owns line starts: a content line
/// that would begin with `.` or `'` gets `\&` first (code lines included), trailing
/// whitespace is removed and blank lines are never written.
public enum Roff {
    /// The escaped form of `text` (one line; newlines and tabs become spaces).
    public static func escape(_ text: String, asciiOnly: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        appendEscaped(text, asciiOnly: asciiOnly, newline: .space, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// What the escaper does with a newline (and a tab) it meets.
    enum Breaks {
        /// Newlines and tabs become spaces (macro arguments, the NAME line).
        case space
        /// Filled body text: like `space`, plus break points (see `appendEscaped`).
        case fill
        /// Tabs are kept (no-fill code lines); newlines must not occur.
        case keepTabs
        /// Inside a tbl table whose column separator is `@`: like `space`, and `@` → `\(at`.
        case tableCell
        /// A `.UR` argument: like `space`, plus `\:` (a break point, no hyphen) after each
        /// run of `breaksURLAfter` characters but the first (`https://`), so a long URL can wrap.
        case url
        /// A URL written as text: like `url`, and `\%` after each break point, since groff
        /// hyphenates the part after one as a new word (a reader copies the URL).
        case textURL
        /// A URL in a tbl cell: like `textURL`, and `@` → `\(at`.
        case tableURL
    }

    /// Appends `text` escaped, in one pass over its UTF-8 bytes.
    static func appendEscaped<S: StringProtocol>(_ text: S, asciiOnly: Bool, newline: Breaks, to out: inout [UInt8]) {
        let url = newline == .url || newline == .textURL || newline == .tableURL
        var afterBreak = false
        var breakRuns = 0  // the first run is the scheme's `//`: no break after it
        if asciiOnly && (newline == .fill || newline == .tableCell) {
            appendWithBreakPoints(text, asciiOnly: true, newline: newline, to: &out)
        } else if asciiOnly {
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if url {
                    let breaks = v < 0x80 && breaksURLAfter(UInt8(v))
                    if afterBreak, !breaks {
                        if breakRuns > 0 { appendURLBreak(newline, to: &out) }
                        breakRuns += 1
                    }
                    afterBreak = breaks
                }
                if v < 0x80 {
                    appendASCII(UInt8(v), newline: newline, to: &out)
                } else if !isC1(v) {
                    appendUnicodeEscape(v, to: &out)
                }
            }
        } else if newline == .fill || newline == .tableCell {
            appendWithBreakPoints(text, asciiOnly: false, newline: newline, to: &out)
        } else {
            // U+0080–U+009F are C2 80 … C2 9F: a C2 is held until the byte after it.
            var heldC2 = false
            for byte in text.utf8 {
                if heldC2 {
                    heldC2 = false
                    if byte >= 0xA0 { out.append(0xC2); out.append(byte) }  // else a C1 control: dropped
                    continue
                }
                if url {
                    let breaks = breaksURLAfter(byte)
                    if afterBreak, !breaks {
                        if breakRuns > 0 { appendURLBreak(newline, to: &out) }
                        breakRuns += 1
                    }
                    afterBreak = breaks
                }
                if byte == 0xC2 {
                    heldC2 = true
                } else if byte < 0x80 {
                    appendASCII(byte, newline: newline, to: &out)
                } else {
                    out.append(byte)  // a String's UTF-8 is always valid
                }
            }
        }
    }

    /// `\:`; in text also `\%` (see `textURL`).
    @inline(__always)
    static func appendURLBreak(_ mode: Breaks, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: ":"))
        if mode != .url {
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "%"))
        }
    }

    /// Where a URL may wrap: after a run of `/`, `?`, `&`, `=`, `#` or `.` (a long host name
    /// or query has no slash to break at). Not after `-`: the line would seem hyphenated.
    @inline(__always)
    static func breaksURLAfter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "#"),
             UInt8(ascii: "."): return true
        default: return false
        }
    }

    /// Filled text: groff cannot break a run without spaces (CJK text, a 60-letter word)
    /// and warns "can't break line"; `\:` marks where it may break — between two wide
    /// characters, and every 24 characters inside a long word. (The page is set `.ad l`,
    /// so such lines need no justification either.)
    static func appendWithBreakPoints<S: StringProtocol>(_ text: S, asciiOnly: Bool, newline: Breaks, to out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            appendWithBreakPoints(utf8: $0, asciiOnly: asciiOnly, newline: newline, to: &out)
        }
        if done == nil { appendWithBreakPointsByScalar(text, asciiOnly: asciiOnly, newline: newline, to: &out) }
    }

    /// The same on UTF-8 bytes (valid: they come from a `String`): ASCII goes byte by byte,
    /// only other scalars are decoded.
    private static func appendWithBreakPoints(utf8: UnsafeBufferPointer<UInt8>, asciiOnly: Bool, newline: Breaks, to out: inout [UInt8]) {
        var word = WordRun()
        var i = 0
        while i < utf8.count {
            let lead = utf8[i]
            if lead < 0x80 {
                if lead == 0x20 || lead == 0x0A || lead == 0x09 {
                    word.end()
                } else if word.breaksBeforeASCII() {
                    appendBreakPoint(to: &out)
                }
                appendASCII(lead, newline: newline, to: &out)
                i += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard i + length <= utf8.count else { return }
            var v = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { v = v << 6 | (UInt32(utf8[i + k]) & 0x3F) }
            if isC1(v) {
                i += length
                continue
            }
            if word.breaksBefore(v) { appendBreakPoint(to: &out) }
            if asciiOnly {
                appendUnicodeEscape(v, to: &out)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]))
            }
            i += length
        }
    }

    private static func appendWithBreakPointsByScalar<S: StringProtocol>(_ text: S, asciiOnly: Bool, newline: Breaks, to out: inout [UInt8]) {
        var word = WordRun()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if isC1(v) { continue }
            if v == 0x20 || v == 0x0A || v == 0x09 {
                word.end()
            } else if word.breaksBefore(v) {
                appendBreakPoint(to: &out)
            }
            if v < 0x80 {
                appendASCII(UInt8(v), newline: newline, to: &out)
            } else if asciiOnly {
                appendUnicodeEscape(v, to: &out)
            } else {
                appendUTF8(scalar, to: &out)
            }
        }
    }

    /// Where a break point would split a user-perceived character: before a combining mark,
    /// a variation selector, an emoji modifier (skin tone) or a joiner, after a joiner, and
    /// between the two regional indicators of a flag.
    @inline(__always)
    private static func appendBreakPoint(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: ":"))
    }

    /// A run of characters without a space, and where `\:` may go inside it: between two
    /// wide characters, and every 24 characters, never inside a cluster.
    struct WordRun {
        private var length = 0
        private var previousWide = false
        private var cluster = ClusterState()

        mutating func end() {
            length = 0
            previousWide = false
            cluster = ClusterState()
        }

        /// Counts an ASCII character (which starts no cluster); true when a break goes before it.
        mutating func breaksBeforeASCII() -> Bool {
            length += 1
            previousWide = false
            cluster = ClusterState()
            guard length > 24 else { return false }
            length = 1
            return true
        }

        /// Counts scalar `v`; true when a break goes before it.
        mutating func breaksBefore(_ v: UInt32) -> Bool {
            let wide = v >= 0x1100 && DisplayWidth.isWide(v)
            length += 1
            var breaks = false
            if (wide && previousWide) || length > 24, cluster.mayBreak(before: v) {
                length = 1
                breaks = true
            }
            cluster.advance(v)
            previousWide = wide
            return breaks
        }
    }

    struct ClusterState {
        private var afterJoiner = false
        private var regionalIndicators = 0

        func mayBreak(before v: UInt32) -> Bool {
            if afterJoiner || v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0x1F3FB...0x1F3FF).contains(v) { return false }
            if (0x1F1E6...0x1F1FF).contains(v) { return regionalIndicators % 2 == 0 }
            guard v >= 0x300, let scalar = Unicode.Scalar(v) else { return true }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: return true
            }
        }

        mutating func advance(_ v: UInt32) {
            afterJoiner = v == 0x200D
            regionalIndicators = (0x1F1E6...0x1F1FF).contains(v) ? regionalIndicators + 1 : 0
        }
    }

    /// U+0080–U+009F: never written (see the type's comment).
    @inline(__always)
    static func isC1(_ v: UInt32) -> Bool { v >= 0x80 && v < 0xA0 }

    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    @inline(__always)
    static func appendASCII(_ byte: UInt8, newline: Breaks, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "e"))
        case UInt8(ascii: "-"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "-"))
        case UInt8(ascii: "'"): appendNamed("aq", to: &out)
        case UInt8(ascii: "\""): appendNamed("dq", to: &out)
        case UInt8(ascii: "`"): appendNamed("ga", to: &out)
        case UInt8(ascii: "^"): appendNamed("ha", to: &out)
        case UInt8(ascii: "~"): appendNamed("ti", to: &out)
        case UInt8(ascii: "@") where newline == .tableCell || newline == .tableURL: appendNamed("at", to: &out)
        case UInt8(ascii: "\t"):
            switch newline {
            case .space, .fill, .tableCell, .url, .textURL, .tableURL: out.append(UInt8(ascii: " "))
            case .keepTabs: out.append(byte)
            }
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): out.append(UInt8(ascii: " "))
        case 0..<0x20, 0x7F: break  // control characters are not valid roff input
        default: out.append(byte)
        }
    }

    /// `\(xx`, a two-letter glyph name.
    @inline(__always)
    static func appendNamed(_ name: StaticString, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "("))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// `\[uXXXX]`: upper-case hex, at least four digits (groff's and mandoc's form).
    static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "u")])
        var digits = 4
        while digits < 8, value >> (UInt32(digits) * 4) != 0 { digits += 1 }
        let hex: StaticString = "0123456789ABCDEF"
        hex.withUTF8Buffer { table in
            for i in stride(from: digits - 1, through: 0, by: -1) {
                out.append(table[Int((value >> (UInt32(i) * 4)) & 0xF)])
            }
        }
        out.append(UInt8(ascii: "]"))
    }
}

/// A line-oriented roff writer over one byte buffer.
///
/// Two kinds of output: *requests* (`.SH`, `.IP`… — trusted names written by the emitter,
/// arguments always escaped and quoted) and *content* (escaped document text and the
/// emitter's own inline escapes such as `\fB`). Content at the start of a line that would
/// begin with `.` or `'` is preceded by `\&`.
struct RoffWriter {
    private(set) var bytes: [UInt8] = []
    /// Bytes on the current, unfinished line.
    private var lineLength = 0
    let asciiOnly: Bool
    /// Set while writing tbl cells: `@` (the column separator) is escaped, and every
    /// content line gets `\&` first so no cell text can read as `T}` or `.TE`.
    var inTableCell = false
    /// Set while writing a tbl entry that is not a text block: the whole cell stays on the
    /// row's line, so a newline in its text is a space.
    var inTableEntry = false

    init(asciiOnly: Bool, capacity: Int = 4096) {
        self.asciiOnly = asciiOnly
        bytes.reserveCapacity(capacity)
    }

    var atLineStart: Bool { lineLength == 0 }

    /// Ends the current line: trailing spaces and tabs go, an empty line is not written.
    mutating func endLine() {
        while lineLength > 0, let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            // A space escaped by a backslash would be meaningful; the escaper never makes one.
            bytes.removeLast()
            lineLength -= 1
        }
        guard lineLength > 0 else { return }
        bytes.append(UInt8(ascii: "\n"))
        lineLength = 0
    }

    /// `.NAME "arg" "arg"…` on a line of its own; every argument is escaped and quoted.
    mutating func request(_ name: StaticString, _ arguments: String...) {
        request(name, arguments: arguments)
    }

    /// `verbatim` marks one argument the emitter made itself from checked characters (the
    /// `.TH` date, digits and `-` only: mandoc cannot parse `2026\-01\-15`).
    ///
    /// `quoted: false` is for arguments without whitespace that a macro prints as they are
    /// (`.UE ),`): mandoc prints the quotes of a quoted `.UE` argument.
    mutating func request(
        _ name: StaticString, arguments: [String], verbatim: Int? = nil, mode: Roff.Breaks = .space, quoted: Bool = true
    ) {
        endLine()
        let start = bytes.count
        bytes.append(UInt8(ascii: "."))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        for (index, argument) in arguments.enumerated() {
            bytes.append(UInt8(ascii: " "))
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            if index == verbatim {
                bytes.append(contentsOf: argument.utf8)
            } else {
                Roff.appendEscaped(argument, asciiOnly: asciiOnly, newline: mode, to: &bytes)
            }
            if quoted { bytes.append(UInt8(ascii: "\"")) }
        }
        // The whole line: `endLine` may trim an argument that escaped to nothing
        // (`.UE ` + a control character) and must still end the line.
        lineLength = bytes.count - start
        endLine()
    }

    /// A request whose arguments the emitter wrote itself (`.IP \(bu 2`, `.RS 4`): never
    /// pass document text here.
    mutating func trustedRequest(_ line: String) {
        endLine()
        bytes.append(UInt8(ascii: "."))
        bytes.append(contentsOf: line.utf8)
        lineLength = 1 + line.utf8.count
        endLine()
    }

    /// A line the emitter wrote itself, verbatim (`'\" t`, tbl format lines, `T{`): never
    /// pass document text here.
    mutating func trustedLine(_ line: String) {
        endLine()
        bytes.append(contentsOf: line.utf8)
        lineLength = line.utf8.count
        endLine()
    }

    /// Roff the emitter wrote itself (tbl separators, `T{`, `T}`), continuing the current
    /// line: never pass document text here.
    mutating func trustedText(_ text: String) {
        content(fill: false) { $0.append(contentsOf: text.utf8) }
    }

    /// A URL written as text (in a tbl cell, or a link whose text is its address), `<URL>`
    /// when `bracketed`: not hyphenated (`\%` opens the word: a reader copies it),
    /// breakable after `/ ? & = # .` as in `.UR`; `@` escaped in a cell.
    mutating func urlText(_ url: String, bracketed: Bool) {
        let asciiOnly = asciiOnly, mode: Roff.Breaks = inTableCell ? .tableURL : .textURL
        content(fill: true) {
            $0.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "%")])
            if bracketed { $0.append(UInt8(ascii: "<")) }
            Roff.appendEscaped(url, asciiOnly: asciiOnly, newline: mode, to: &$0)
            if bracketed { $0.append(UInt8(ascii: ">")) }
        }
    }

    /// The emitter's own inline roff (`\fB`, `\fR`), continuing the current line.
    mutating func inlineEscape(_ escape: StaticString) {
        content(fill: false) { out in escape.withUTF8Buffer { out.append(contentsOf: $0) } }
    }

    /// Filled document text: newlines become line ends, leading blanks of a line are
    /// dropped (a leading space would force a break), everything else is escaped.
    mutating func text<S: StringProtocol>(_ text: S) {
        let asciiOnly = asciiOnly, textMode = textMode
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n"), !inTableEntry {
                let segment = text[start..<index]
                content(fill: true) { Roff.appendEscaped(segment, asciiOnly: asciiOnly, newline: textMode, to: &$0) }
                endLine()
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        let rest = text[start..<utf8.endIndex]
        content(fill: true) { Roff.appendEscaped(rest, asciiOnly: asciiOnly, newline: textMode, to: &$0) }
    }

    /// Off for the NAME line, which `lexgrog` reads as it is.
    var breakPoints = true

    private var textMode: Roff.Breaks { inTableCell ? .tableCell : breakPoints ? .fill : .space }

    /// One line of a no-fill block (`.EX`): tabs kept, trailing blanks dropped, an empty
    /// line written as `\&` so the output has no blank line.
    mutating func literalLine<S: StringProtocol>(_ line: S) {
        endLine()
        let asciiOnly = asciiOnly
        let mark = bytes.count
        content(fill: false) { Roff.appendEscaped(line, asciiOnly: asciiOnly, newline: .keepTabs, to: &$0) }
        endLine()
        if bytes.count == mark {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "&"), UInt8(ascii: "\n")])
        }
    }

    /// Appends content written by `write`. At a line start, leading blanks go in filled
    /// text, and output that would begin with `.` or `'` gets `\&` first — checked on
    /// the bytes actually written, so nothing the escaper drops can hide a control character.
    private mutating func content(fill: Bool, _ write: (inout [UInt8]) -> Void) {
        let before = bytes.count
        write(&bytes)
        guard bytes.count > before else { return }
        if lineLength == 0 {
            if fill {
                var first = before
                while first < bytes.count, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") {
                    first += 1
                }
                if first > before { bytes.removeSubrange(before..<first) }
                guard bytes.count > before else { return }
            }
            if inTableCell || bytes[before] == UInt8(ascii: ".") || bytes[before] == UInt8(ascii: "'") {
                bytes.insert(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "&")], at: before)
            }
        }
        lineLength += bytes.count - before
    }

    /// Hands full lines to `sink` once there are enough (an unfinished line stays: its
    /// trailing spaces may still go).
    mutating func drain(into sink: OutputSink) throws {
        guard atLineStart else { return }
        try sink.drain(&bytes)
    }

    /// Ends the page: the last line is ended and the rest handed to `sink`, so the finished
    /// page ends with a newline.
    mutating func finish(into sink: OutputSink) throws {
        endLine()
        try sink.drain(&bytes, force: true)
    }
}
