/// Writes XML (polyglot XHTML5, OPF) straight into a UTF-8 byte buffer, element by element:
/// no node tree, so a page costs no allocation per node.
///
/// This is the only place where escaping happens, in a single pass per string:
/// - `&` `<` `>` everywhere, `"` in attribute values (always double-quoted);
/// - characters XML 1.0 does not allow are dropped: C0 controls other than tab, LF and CR,
///   U+FFFE and U+FFFF (lone surrogates cannot occur in a Swift `String`). DEL and the C1
///   controls (U+007F–U+009F), allowed but "discouraged" by XML 1.0, are dropped as well;
/// - CR is written as `&#13;` so a parser's end-of-line normalization cannot change it.
/// Tag and attribute names are static strings (`XHTMLTag`, `StaticString`): only values and
/// text come from the content, and both are escaped.
///
/// Layout: a newline goes before the start tag of every block-level element (never inside
/// `<pre>`, nor at the very start), and before an end tag whose last child was a block-level
/// element, so golden files diff line by line while inline content stays untouched.
///
/// The caller may `take()` the bytes written so far at any point (between sections, say):
/// the layout depends on nothing already handed over, so output can go out in chunks.
struct XHTMLWriter {
    /// The bytes written since the last `take()`.
    private(set) var bytes: [UInt8] = []
    /// How many bytes `take()` has handed over (only "anything written yet?" matters).
    private var taken = 0
    private var preDepth = 0
    /// Whether the last thing written in the current element was a block-level element:
    /// then its end tag starts a line. Text and start tags clear it, end tags set it.
    private var lastWasBlock = false
    /// Of the start tag being written (`endEmptyElement` needs it).
    private var openTag: XHTMLTag?

    init(capacity: Int = 1 << 14) { bytes.reserveCapacity(capacity) }

    var isAtStart: Bool { taken == 0 && bytes.isEmpty }

    /// Hands over the bytes written so far; the writer goes on as if they were still there.
    mutating func take() -> [UInt8] {
        let out = bytes
        taken += out.count
        bytes = []
        bytes.reserveCapacity(out.capacity)
        return out
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes to `sink` once there are enough (`force`: all of them); like `take()`.
    mutating func drain(into sink: OutputSink, force: Bool = false) throws {
        let count = bytes.count
        try sink.drain(&bytes, force: force)
        if bytes.isEmpty { taken += count }
    }

    // MARK: Documents

    /// `<?xml …?>` (and `<!DOCTYPE html>` for a page); the root element starts the next line.
    mutating func declaration(doctype: Bool) {
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        if doctype { raw("\n<!DOCTYPE html>") }
    }

    /// The newline that ends a document, after the root element.
    mutating func endDocument() { bytes.append(0x0A) }

    // MARK: Elements

    /// `<name` — follow with `attribute`s, then `endStartTag` or `endEmptyElement`.
    mutating func beginStartTag(_ tag: XHTMLTag) {
        if tag.isBlock, preDepth == 0, !isAtStart { bytes.append(0x0A) }
        bytes.append(0x3C)
        raw(tag.name)
        openTag = tag
    }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(0x20)
        raw(name)
        bytes.append(0x3D)
        bytes.append(0x22)
        escape(value, attribute: true)
        bytes.append(0x22)
    }

    /// `>`: the element's content follows, then `close`.
    mutating func endStartTag() {
        bytes.append(0x3E)
        if openTag?.isPreformatted == true { preDepth += 1 }
        openTag = nil
        lastWasBlock = false
    }

    /// `/>`: an element without content (void elements only: `<ol></ol>` is not `<ol/>`).
    mutating func endEmptyElement() {
        guard let tag = openTag else { preconditionFailure("endEmptyElement without beginStartTag") }
        precondition(tag.isVoid, "only void elements are written empty")
        raw("/>")
        openTag = nil
        lastWasBlock = tag.isBlock
    }

    /// `<name>` without attributes.
    mutating func open(_ tag: XHTMLTag) {
        beginStartTag(tag)
        endStartTag()
    }

    /// `</name>`.
    mutating func close(_ tag: XHTMLTag) {
        if tag.isPreformatted { preDepth -= 1 }
        if lastWasBlock, preDepth == 0 { bytes.append(0x0A) }
        bytes.append(0x3C)
        bytes.append(0x2F)
        raw(tag.name)
        bytes.append(0x3E)
        lastWasBlock = tag.isBlock
    }

    /// A void element without attributes (`<br/>`, `<hr/>`).
    mutating func empty(_ tag: XHTMLTag) {
        beginStartTag(tag)
        endEmptyElement()
    }

    /// `<name>text</name>`.
    mutating func element(_ tag: XHTMLTag, text: String) {
        open(tag)
        self.text(text)
        close(tag)
    }

    /// Text content, escaped (an empty string still counts as content for the layout).
    mutating func text(_ s: String) {
        escape(s, attribute: false)
        lastWasBlock = false
    }

    // MARK: Bytes

    /// Markup the writer writes itself (names, punctuation): never content.
    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func escape(_ s: String, attribute: Bool) {
        var s = s
        s.withUTF8 { buf in
            let n = buf.count
            var i = 0, start = 0
            while i < n {
                let b = buf[i]
                if Self.isPlain(b) {
                    i += 1
                    continue
                }
                let replacement: StaticString
                var width = 1
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22 where attribute: replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x09, 0x0A: i += 1; continue
                case 0x00..<0x20, 0x7F: replacement = ""
                case 0xC2 where i + 1 < n && buf[i + 1] >= 0x80 && buf[i + 1] <= 0x9F:
                    replacement = ""; width = 2
                case 0xEF where i + 2 < n && buf[i + 1] == 0xBF && (buf[i + 2] == 0xBE || buf[i + 2] == 0xBF):
                    replacement = ""; width = 3
                default: i += 1; continue
                }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                i += width
                start = i
            }
            if start < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<n])) }
        }
    }

    /// `text` without the characters the writer drops, for deciding whether a value is
    /// empty before writing it (a title of C1 controls alone would be an empty `<title>`).
    static func writtenText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return true
            case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return false
            default: return true
            }
        }))
    }

    /// Bytes `escape` copies as they are in any context: most of the text, tested with a few
    /// predictable comparisons before the full `switch` (a jump per byte: bench/NOTES.md).
    /// Not plain: C0 controls, `"`, `&`, `<`, `>`, DEL, and the lead
    /// bytes of C1 controls (0xC2) and of U+FFFE/U+FFFF (0xEF).
    @inline(__always)
    private static func isPlain(_ b: UInt8) -> Bool {
        if b >= 0x3F { return b < 0x7F || (b >= 0x80 && b != 0xC2 && b != 0xEF) }
        return b >= 0x20 && b != 0x22 && b != 0x26 && b != 0x3C && b != 0x3E
    }
}
