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
        var tokens = Tokenizer()
        for piece in pieces {
            switch piece {
            case .text(let s): tokens.append(s, breakable: true)
            case .atom(let s): tokens.append(s, breakable: false)
            case .lineBreak: tokens.hardBreak()
            }
        }
        tokens.flush(nextGlue: .none)
        return fill(tokens.tokens, first: first, rest: rest)
    }

    /// Convenience: one text run.
    func wrap(_ text: String, first: String = "", rest: String = "") -> [String] {
        wrap([.text(text)], first: first, rest: rest)
    }

    private func fill(_ tokens: [Token], first: String, rest: String) -> [String] {
        var lines: [String] = []
        var prefix = first
        var available = width == 0 ? Int.max : max(1, width - DisplayWidth.of(first))
        var line = ""
        var lineWidth = 0
        var lineEmpty = true

        func emit() {
            lines.append(trimTrailingSpaces(prefix + line))
            prefix = rest
            available = width == 0 ? Int.max : max(1, width - DisplayWidth.of(rest))
            line = ""
            lineWidth = 0
            lineEmpty = true
        }

        for token in tokens {
            switch token {
            case .newline:
                emit()
            case .chunk(let glue, let text, let w):
                if lineEmpty {
                    line = text
                    lineWidth = w
                    lineEmpty = false
                    continue
                }
                let glueWidth = glue == .space ? 1 : 0
                if glue == .none || lineWidth + glueWidth + w <= available {
                    if glue == .space { line += " " }
                    line += text
                    lineWidth += glueWidth + w
                } else {
                    emit()
                    line = text
                    lineWidth = w
                    lineEmpty = false
                }
            }
        }
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

private enum Token {
    case chunk(Glue, String, Int)
    case newline
}

private struct Tokenizer {
    var tokens: [Token] = []
    private var word = ""
    private var wordWidth = 0
    /// Glue before the word being built.
    private var glue: Glue = .none
    /// White space seen since the last word.
    private var pendingSpace = false
    /// Last character of the word (for break rules around wide characters).
    private var last: Character?
    private var lastWide = false

    mutating func append(_ s: String, breakable: Bool) {
        // Most text is ASCII: split it into words by bytes, without grapheme breaking or
        // Unicode property lookups (they were most of the text emitter's time).
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            appendASCII(s, breakable: breakable)
            return
        }
        for c in s {
            if breakable, isBreakingSpace(c) {
                flush(nextGlue: .space)
                continue
            }
            if breakable, c == "\u{200B}" {
                // ZERO WIDTH SPACE: a break opportunity, not written.
                flush(nextGlue: .zero)
                continue
            }
            let cw = DisplayWidth.of(c)
            if cw == 0, isControl(c) { continue }
            let wide = cw == 2
            if breakable, let last, !word.isEmpty, wide || lastWide, canBreak(after: last, before: c) {
                flush(nextGlue: .zero)
            }
            word.append(c)
            wordWidth += cw
            last = c
            lastWide = wide
        }
    }

    private mutating func appendASCII(_ s: String, breakable: Bool) {
        let utf8 = s.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if breakable, byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                flush(nextGlue: .space)
                index = utf8.index(after: index)
                continue
            }
            if byte < 0x20 || byte == 0x7F {  // controls take no room and are not written
                index = utf8.index(after: index)
                continue
            }
            // A run of printable bytes (or, unbreakable, everything printable).
            var end = utf8.index(after: index)
            while end != utf8.endIndex {
                let b = utf8[end]
                if b < 0x20 || b == 0x7F || (breakable && b == 0x20) { break }
                end = utf8.index(after: end)
            }
            let run = s[index..<end]
            word += run
            wordWidth += utf8.distance(from: index, to: end)
            last = run.last
            lastWide = false
            index = end
        }
    }

    mutating func hardBreak() {
        flush(nextGlue: .none)
        tokens.append(.newline)
        glue = .none
        pendingSpace = false
    }

    /// Ends the current word; `nextGlue` is the break opportunity that follows it.
    mutating func flush(nextGlue: Glue) {
        if !word.isEmpty {
            tokens.append(.chunk(pendingSpace ? .space : glue, word, wordWidth))
            word = ""
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
