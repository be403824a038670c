/// Python-Markdown's `toc` extension, as MkDocs runs it: the heading's text with accents
/// decomposed and everything outside ASCII dropped; every character but letters, digits,
/// `_`, `-` and white space removed; trimmed and lowercased; each run of white space and
/// `-` one `-`. A slug already in the page (the author's `{#id}`s anywhere in it count
/// from the start) or empty gets `_1`, or its `_N` counted up.
struct MkDocsIDs: PlatformIDRule {
    private var taken: Set<String> = []
    /// Where the search from each slug resumes (ids are only ever added).
    private var resume: [String: String] = [:]

    var honoursAttributeBlocks: Bool { true }
    var reservesAheadOfTime: Bool { true }

    mutating func next(_ heading: HeadingText) -> String {
        let slug = slug(heading)
        var id = resume[slug] ?? slug
        while id.isEmpty || taken.contains(id) { id = Self.counted(id) }
        if id != slug { resume[slug] = id }
        taken.insert(id)
        return id
    }

    mutating func reserve(_ id: String) { taken.insert(id) }

    func slug(_ heading: HeadingText) -> String {
        Self.slug(heading.rendered(imageAlt: false, lineBreak: " "))
    }

    static func slug(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars
        where scalar.isASCII && (isWord(scalar) || scalar == "-" || isSpace(scalar)) {
            kept.append(scalar)
        }
        var out = ""
        var inRun = false
        for scalar in String(kept).lowercased().unicodeScalars.trimmed(by: isSpace) {
            if scalar == "-" || isSpace(scalar) {
                if !inRun { out.append("-") }
                inRun = true
            } else {
                out.unicodeScalars.append(scalar)
                inRun = false
            }
        }
        return out
    }

    /// Python's `\w` on ASCII.
    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
    }

    /// Python's white space on ASCII (what `\s` and `strip()` take).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x1C && v <= 0x1F)
    }

    /// `name_N` → `name_N+1`, else `name_1`.
    private static func counted(_ id: String) -> String {
        if let underscore = id.lastIndex(of: "_"), let n = Int(id[id.index(after: underscore)...]), id[id.index(after: underscore)...].allSatisfy(\.isASCII) {
            return "\(id[..<underscore])_\(n + 1)"
        }
        return id + "_1"
    }
}

extension String.UnicodeScalarView {
    /// Without the scalars at either end that `isEdge` accepts.
    func trimmed(by isEdge: (Unicode.Scalar) -> Bool) -> Substring.UnicodeScalarView {
        guard let first = firstIndex(where: { !isEdge($0) }), let last = lastIndex(where: { !isEdge($0) }) else { return self[endIndex...] }
        return self[first...last]
    }
}
