/// The one line-wrapping engine of the plain-text outputs (cmark-gfm's `render.c` idea):
/// greedy filling by **display width**, working on grapheme clusters so none is ever split.
///
/// Break opportunities: white space (collapsed to one space, never left at a line's end)
/// and the boundary before or after a wide character (CJK ideographs, kana, Hangul, emoji),
/// except before closing or after opening punctuation (a light kinsoku). An atom (a URL)
/// has no break inside. A word wider than the line stands alone and overflows: nothing is
/// cut. Width 0 means no wrapping: each paragraph is one line, hard breaks still count.
struct TextWrapper {
    enum Piece: Hashable {
        /// Ordinary text: breaks at white space and around wide characters.
        case text(String)
        /// Never broken inside (a URL); white space inside is kept as is.
        case atom(String)
        /// A hard line break.
        case lineBreak
    }

    /// Columns available for text; 0 = unlimited.
    var width: Int

    init(width: Int) { self.width = max(0, width) }

    /// Lays `pieces` out; the first line starts with `first`, the others with `rest`
    /// (a hanging indent). Lines carry no trailing spaces. No pieces, no lines.
    func wrap(_ pieces: [Piece], first: String = "", rest: String = "") -> [String] {
        var tokens = Tokenizer(layout: Layout(width: width, first: first, rest: rest))
        for piece in pieces {
            switch piece {
            case .text(let s): tokens.append(s, breakable: true)
            case .atom(let s): tokens.append(s, breakable: false)
            case .lineBreak: tokens.hardBreak()
            }
        }
        tokens.flush(nextGlue: .none)
        return tokens.layout.finish()
    }

    /// Convenience: one text run.
    func wrap(_ text: String, first: String = "", rest: String = "") -> [String] {
        wrap([.text(text)], first: first, rest: rest)
    }
}

/// Greedy filling: words arrive one by one from the tokenizer (no token array, no `String`
/// per word) and each line is built in one byte buffer that starts with its prefix.
private struct Layout {
    private(set) var lines: [String] = []
    private let width: Int
    private let rest: [UInt8]
    private let restWidth: Int
    /// The line being built: its prefix, then its words.
    private var line: [UInt8]
    private var available: Int
    private var lineWidth = 0
    private var lineEmpty = true

    init(width: Int, first: String, rest: String) {
        self.width = width
        self.rest = Array(rest.utf8)
        restWidth = width == 0 ? 0 : DisplayWidth.of(rest)
        line = Array(first.utf8)
        line.reserveCapacity(max(64, width * 2))
        available = width == 0 ? Int.max : max(1, width - DisplayWidth.of(first))
    }

    /// Ends the line (a hard break, a full line, or the end), trailing spaces removed.
    mutating func emit() {
        let text = String(decoding: line, as: UTF8.self)
        // Trailing spaces are rare (an empty line's prefix): trim them the usual way.
        lines.append(line.last == UInt8(ascii: " ") ? trimTrailingSpaces(text) : text)
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: rest)
        available = width == 0 ? Int.max : max(1, width - restWidth)
        lineWidth = 0
        lineEmpty = true
    }

    mutating func add(_ glue: Glue, _ word: [UInt8], width w: Int) {
        if lineEmpty {
            line.append(contentsOf: word)
            lineWidth = w
            lineEmpty = false
            return
        }
        let glueWidth = glue == .space ? 1 : 0
        if glue == .none || lineWidth + glueWidth + w <= available {
            if glue == .space { line.append(UInt8(ascii: " ")) }
            line.append(contentsOf: word)
            lineWidth += glueWidth + w
        } else {
            emit()
            line.append(contentsOf: word)
            lineWidth = w
            lineEmpty = false
        }
    }

    mutating func finish() -> [String] {
        if !lineEmpty { emit() }
        return lines
    }
}

/// Removes trailing spaces (the outputs never carry any).
func trimTrailingSpaces(_ s: String) -> String {
    guard s.utf8.last == UInt8(ascii: " ") else { return s }
    var end = s.endIndex
    while end > s.startIndex {
        let before = s.index(before: end)
        if s[before] != " " { break }
        end = before
    }
    return String(s[..<end])
}

private enum Glue { case none, space, zero }

private struct Tokenizer {
    var layout: Layout

    init(layout: Layout) { self.layout = layout }
    /// The word being built, as UTF-8 (copied into the line when it ends).
    private var word: [UInt8] = []
    private var wordWidth = 0
    /// Glue before the word being built.
    private var glue: Glue = .none
    /// White space seen since the last word.
    private var pendingSpace = false
    /// Last character of the word (for break rules around wide characters).
    private var last: Character?
    private var lastWide = false

    /// Most text is ASCII: an ASCII byte followed by another ASCII byte (or the end) is a
    /// grapheme cluster of its own and needs no grapheme breaking or Unicode property
    /// lookups (they were most of the text emitter's time). Only the stretches around
    /// non-ASCII bytes go through `Character`s, so a mixed string costs little more than
    /// its non-ASCII words. (A CR LF pair split this way acts as two spaces, which
    /// collapse to one exactly as the single CR LF cluster does.)
    mutating func append(_ s: String, breakable: Bool) {
        var bytes = s  // withUTF8 needs a mutable copy (native strings are not copied)
        bytes.withUTF8 { buf in
            let n = buf.count
            var i = 0
            while i < n {
                // Fast: the run of bytes that are ASCII clusters of their own.
                var end = i
                while end < n, buf[end] < 0x80, end + 1 == n || buf[end + 1] < 0x80 { end += 1 }
                if i < end {
                    appendASCII(UnsafeBufferPointer(rebasing: buf[i..<end]), breakable: breakable)
                    i = end
                    if i == n { break }
                }
                // Slow: Characters from a cluster boundary until the next fast byte.
                i = appendCharacters(s, from: i, in: buf, breakable: breakable)
            }
        }
    }

    /// Appends the Characters of `s` from UTF-8 offset `start` (a cluster boundary) until
    /// the next boundary followed by a fast byte; returns that offset.
    private mutating func appendCharacters(_ s: String, from start: Int, in buf: UnsafeBufferPointer<UInt8>, breakable: Bool) -> Int {
        let n = buf.count
        let utf8 = s.utf8
        // A Substring starting here breaks clusters as `s` does: `start` is a boundary.
        let rest = s[utf8.index(utf8.startIndex, offsetBy: start)...]
        var offset = start
        for c in rest {
            appendCharacter(c, breakable: breakable)
            offset += c.utf8.count
            if offset == n { return n }
            if buf[offset] < 0x80, offset + 1 == n || buf[offset + 1] < 0x80 { return offset }
        }
        return n
    }

    private mutating func appendCharacter(_ c: Character, breakable: Bool) {
        if breakable, isBreakingSpace(c) {
            flush(nextGlue: .space)
            return
        }
        if breakable, c == "\u{200B}" {
            // ZERO WIDTH SPACE: a break opportunity, not written.
            flush(nextGlue: .zero)
            return
        }
        let cw = DisplayWidth.of(c)
        if cw == 0, isControl(c) { return }
        let wide = cw == 2
        if breakable, let last, !word.isEmpty, wide || lastWide, canBreak(after: last, before: c) {
            flush(nextGlue: .zero)
        }
        word.append(contentsOf: c.utf8)
        wordWidth += cw
        last = c
        lastWide = wide
    }

    private mutating func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>, breakable: Bool) {
        let n = bytes.count
        var index = 0
        while index < n {
            let byte = bytes[index]
            if breakable, byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                flush(nextGlue: .space)
                index += 1
                continue
            }
            if byte < 0x20 || byte == 0x7F {  // controls take no room and are not written
                index += 1
                continue
            }
            // A run of printable bytes (or, unbreakable, everything printable).
            var end = index + 1
            while end < n {
                let b = bytes[end]
                if b < 0x20 || b == 0x7F || (breakable && b == 0x20) { break }
                end += 1
            }
            word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            wordWidth += end - index
            last = Character(Unicode.Scalar(bytes[end - 1]))
            lastWide = false
            index = end
        }
    }

    mutating func hardBreak() {
        flush(nextGlue: .none)
        layout.emit()
        glue = .none
        pendingSpace = false
    }

    /// Ends the current word; `nextGlue` is the break opportunity that follows it.
    mutating func flush(nextGlue: Glue) {
        if !word.isEmpty {
            layout.add(pendingSpace ? .space : glue, word, width: wordWidth)
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
            pendingSpace = false
            glue = .none
        }
        switch nextGlue {
        case .space:
            pendingSpace = true
            last = nil
            lastWide = false
        case .zero:
            glue = .zero
        case .none:
            break
        }
    }

    private func isBreakingSpace(_ c: Character) -> Bool {
        guard c.isWhitespace else { return false }
        // No-break spaces keep their words together.
        switch c {
        case "\u{00A0}", "\u{202F}", "\u{2007}", "\u{FEFF}": return false
        default: return true
        }
    }

    private func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }

    private func canBreak(after a: Character, before b: Character) -> Bool {
        !noLineStart.contains(b) && !noLineEnd.contains(a)
    }
}

/// Characters that must not start a line (closing punctuation, small kana, prolonged sound mark).
private let noLineStart: Set<Character> = Set(
    ".,;:!?)]}%'\"" + "、。，．・：；？！）」』】〕〉》］｝〙〗〟’”ー〜～…‥々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
/// Characters that must not end a line (opening punctuation).
private let noLineEnd: Set<Character> = Set("([{'\"" + "（「『【〔〈《［｛〘〖〝‘“")
