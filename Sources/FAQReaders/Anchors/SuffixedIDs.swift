/// Ids made unique as Goldmark and Pandoc make them: a repeat of `base` gets `-1`, `-2`…,
/// skipping every id already taken (the author's `{#id}`s too). The search for a free
/// suffix resumes where it stopped, so a thousand equal headings stay linear.
struct SuffixedIDs {
    private var taken: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    mutating func unique(_ base: String) -> String {
        var id = base
        var n = nextSuffix[base] ?? 1
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        if id != base { nextSuffix[base] = n }
        taken.insert(id)
        return id
    }

    mutating func reserve(_ id: String) { taken.insert(id) }
}
