/// Reading a heading's or a paragraph's text for what it says about questions: does it end
/// in a question mark, does it open with a question marker (`Q:`, `Q1)`, `Question:`,
/// `F:`, `Pregunta:`, `问：`…) or an answer marker (`A.`, `Answer:`, `答：`…).
///
/// Markers stay in the question's text: the entry keeps what the author wrote, and the
/// platform's slug of the heading (which links on the real page use) includes them.
enum QuestionText {
    /// The end of the text as a reader sees it: trailing white space, a Markdown attribute
    /// block (`{#id .class}`, `{: #id}`), a permalink sign (`¶`, `#`, `🔗`, `§`) and closing
    /// quotes or brackets after the last word are set aside.
    static func core(_ text: String) -> Substring {
        var s = Substring(text)
        while true {
            while let last = s.last, last.isWhitespace { s.removeLast() }
            if s.hasSuffix("}"), let open = s.lastIndex(of: "{"), isAttributeBlock(s[open...]) {
                s = s[..<open]
            } else if let last = s.last, ["¶", "#", "🔗", "§", "⚓"].contains(last), s.count > 1 {
                s.removeLast()
            } else {
                break
            }
        }
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        return s
    }

    /// Ends in `?` (or the full-width `？`), closing quotes and brackets aside.
    static func asks(_ text: String) -> Bool {
        var s = core(text)
        if s.last == "?" { return true }  // the common case, before the closing marks' scan
        while let last = s.last, "\"'”’»)]」』）".contains(last) { s.removeLast() }
        return s.last == "?" || s.last == "？" || s.last == "⁇"
    }

    /// Opens with a question marker: `Q:`, `Q.`, `Q1)`, `Q 2:`, `5.1. Q.`, `Question:`,
    /// `F:` (Frage), `P:`/`Pregunta:`, `Q：`, `问：`, `Q。`…
    static func isMarkedQuestion(_ text: String) -> Bool { markerEnd(text, words: questionWords) != nil }

    /// Opens with an answer marker: `A:`, `A.`, `Answer:`, `R:`, `Antwort:`, `答：`…
    static func isMarkedAnswer(_ text: String) -> Bool { markerEnd(text, words: answerWords) != nil }

    /// The text is a question marker and nothing else (`Q`, `Q:`, `Q1.`, `Question`): what a
    /// paragraph like `***Q***: Is it free?` sets in bold.
    static func isQuestionMarkerWord(_ text: String) -> Bool {
        let word = core(text)
        if let end = markerEnd(String(word), words: questionWords) { return word[end...].allSatisfy(\.isWhitespace) }
        return markerEnd(String(word) + ": ", words: questionWords) != nil && word.count <= 12
    }

    /// Lowercased; a one-letter marker counts only in capitals (`Q:`, not `q:`).
    static let questionWords: Set<String> = [
        "q", "question", "frage", "f", "pregunta", "pergunta", "p", "domanda", "d", "vraag", "v", "вопрос", "в",
        "问", "問", "问题", "問題", "질문", "質問",
    ]
    static let answerWords: Set<String> = [
        "a", "answer", "antwort", "respuesta", "resposta", "r", "réponse", "risposta", "antwoord", "ответ", "о",
        "答", "回答", "答え", "답", "답변",
    ]

    /// Where the text after the marker starts, or nil when the text opens with no marker.
    /// Grammar: [section number `5.1.`] word [number] [space] separator, where an ASCII
    /// separator is followed by white space, the end or a non-ASCII letter (so `Q.E.D.`
    /// and `P.S.` are no markers) and a full-width one (`：`, `。`) by anything.
    static func markerEnd(_ text: String, words: Set<String>) -> String.Index? {
        let s = Substring(text)
        var i = s.startIndex
        skipSpaces(s, &i)
        // An optional section number before the marker: "5.1. Q. …"
        let afterNumber: String.Index? = {
            var j = i
            guard skipNumber(s, &j), j < s.endIndex else { return nil }
            if s[j] == "." { j = s.index(after: j) }
            guard j < s.endIndex, s[j].isWhitespace else { return nil }
            skipSpaces(s, &j)
            return j
        }()
        for start in [afterNumber, i].compactMap({ $0 }) {
            if let end = marker(s, from: start, words: words) { return end }
        }
        return nil
    }

    private static func marker(_ s: Substring, from start: String.Index, words: Set<String>) -> String.Index? {
        var i = start
        // Letters up to the separator: CJK markers (`问：`) need one too, so `问什么` is none.
        while i < s.endIndex, s[i].isLetter { i = s.index(after: i) }
        guard i > start else { return nil }
        let word = s[start..<i]
        guard words.contains(word.lowercased()) else { return nil }
        if word.count == 1, word.uppercased() != word { return nil }
        var j = i
        var sawSpace = false
        if j < s.endIndex, s[j] == " " { j = s.index(after: j); sawSpace = true }
        _ = skipNumber(s, &j)
        if j < s.endIndex, s[j] == " " { j = s.index(after: j); sawSpace = true }
        guard j < s.endIndex else { return nil }
        let separator = s[j]
        let fullWidth: Set<Character> = ["：", "。", "．", "、", "）"]
        let ascii: Set<Character> = [":", ".", ")"]
        let dashes: Set<Character> = ["-", "–", "—"]
        j = s.index(after: j)
        if fullWidth.contains(separator) {
            skipSpaces(s, &j)
            return j
        }
        guard ascii.contains(separator) || (dashes.contains(separator) && sawSpace) else { return nil }
        if j == s.endIndex { return j }
        guard s[j].isWhitespace || !s[j].isASCII else { return nil }
        skipSpaces(s, &j)
        return j
    }

    private static func skipSpaces(_ s: Substring, _ i: inout String.Index) {
        while i < s.endIndex, s[i].isWhitespace { i = s.index(after: i) }
    }

    /// `12`, `1.2`, `1.2.3`; true when at least one digit was read.
    private static func skipNumber(_ s: Substring, _ i: inout String.Index) -> Bool {
        var j = i
        var read = false
        while j < s.endIndex, s[j].isASCII, s[j].isNumber {
            j = s.index(after: j)
            read = true
            if j < s.endIndex, s[j] == ".", s.index(after: j) < s.endIndex, s[s.index(after: j)].isASCII, s[s.index(after: j)].isNumber {
                j = s.index(after: j)
            }
        }
        if read { i = j }
        return read
    }

    /// `{#id}`, `{ #id }`, `{#id .class key=value}`, `{: #id}`, `{.class}`: what kramdown,
    /// Pandoc, Goldmark and MkDocs read as attributes, not text.
    private static func isAttributeBlock(_ s: Substring) -> Bool {
        var inner = s.dropFirst().dropLast().drop(while: \.isWhitespace)
        if inner.first == ":" { inner = inner.dropFirst().drop(while: \.isWhitespace) }
        guard let first = inner.first, first == "#" || first == "." else { return false }
        return !inner.contains("{") && !inner.contains("\n")
    }
}
