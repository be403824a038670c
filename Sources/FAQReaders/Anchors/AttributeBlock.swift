/// The attribute syntax of kramdown, Pandoc, Goldmark, MkDocs (attr_list) and PHP Markdown
/// Extra: `{#id .class key=value}` at the end of a heading, `{: #id .class}` (kramdown's
/// inline attribute list, IAL) on a line of its own after a block. Only the id matters
/// here; the rest is markup no output keeps.
struct AttributeBlock: Sendable, Hashable {
    var id: String?
    /// kramdown names a reference this way: `{:toc}` asks for a table of contents.
    var references: [String] = []

    var asksForContents: Bool { references.contains("toc") }

    /// A block ending `text` after white space (`## Why? {#why}`): the block and the text
    /// before it, trailing white space removed. `{…}` that is not attribute syntax (`{x}`,
    /// `{{ liquid }}`) is text.
    static func trailing(in text: String) -> (text: String, block: AttributeBlock, written: String)? {
        let trimmed = text.trimmingTrailingWhitespace()
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        let before = trimmed[..<open]
        guard let last = before.last, last == " " || last == "\t" else { return nil }
        guard let block = parse(trimmed[open...], allowReferences: false) else { return nil }
        let text = before.trimmingTrailingWhitespace()
        return (text, block, String(trimmed.dropFirst(text.count)))
    }

    /// A kramdown block IAL standing alone on a line (`{: .no_toc }`, `{:toc}`, `{: #id}`),
    /// or an attribute-list definition (`{:name: .class}`).
    static func ialLine(_ line: Substring) -> AttributeBlock? {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix("{:"), !trimmed.hasPrefix("{::") else { return nil }
        return parse(Substring(trimmed), allowReferences: true)
    }

    /// Parses `{…}` whole. Tokens: `#id`, `.class`, `key=value` (value quoted or not),
    /// and with a leading `:` (kramdown) bare reference names, `name:` defining one.
    private static func parse(_ block: Substring, allowReferences: Bool) -> AttributeBlock? {
        guard block.hasPrefix("{"), block.hasSuffix("}"), block.count >= 2 else { return nil }
        var body = block.dropFirst().dropLast()
        let colon = body.hasPrefix(":")
        if colon { body = body.dropFirst() }
        var result = AttributeBlock()
        var tokens = 0
        var rest = body[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { break }
            tokens += 1
            if first == "#" || first == "." {
                let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != "{" && $0 != "}" && $0 != "\"" && $0 != "'" }
                guard !name.isEmpty else { return nil }
                if first == "#" { result.id = String(name) }
                rest = rest.dropFirst(1 + name.count)
                continue
            }
            let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ":" }
            guard !key.isEmpty else { return nil }
            rest = rest.dropFirst(key.count)
            if rest.first == "=" {
                rest = rest.dropFirst()
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    guard let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
                    rest = rest[rest.index(after: close)...]
                } else {
                    let value = rest.prefix { !$0.isWhitespace }
                    guard !value.isEmpty else { return nil }
                    rest = rest.dropFirst(value.count)
                }
            } else if colon && allowReferences {
                result.references.append(String(key.hasSuffix(":") ? key.dropLast() : key))
            } else {
                return nil
            }
        }
        return tokens > 0 ? result : nil
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
