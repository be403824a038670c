/// Headings that name a part of the page rather than ask something: the FAQ's own title
/// ("FAQ", "Frequently Asked Questions", "常见问题解答"…) and a table of contents ("Contents",
/// "Table of contents"…). Compared on a key of lowercased letters and digits, so
/// "F.A.Q.s", "FAQ:" and "⁉️ Frequently Asked Questions" match too.
enum SectionTitles {
    /// A heading that titles a FAQ (the whole of its text, give or take a word or two:
    /// "Project FAQ", "FAQ (Frequently Asked Questions)").
    static func isFAQTitle(_ text: String) -> Bool { isFAQTitle(text, key: key(text)) }

    /// A table of contents or the FAQ's own title (one key for both tests).
    static func isContentsOrFAQTitle(_ text: String) -> Bool {
        let key = self.key(text)
        return contentsTitles.contains(key) || isFAQTitle(text, key: key)
    }

    /// The key's tests first: they rule out nearly every heading, and cost less than `asks`.
    private static func isFAQTitle(_ text: String, key: String) -> Bool {
        // The key's words are single-spaced: four words or fewer have at most three spaces.
        let names = faqTitles.contains(key) || key.utf8.lazy.filter { $0 == UInt8(ascii: " ") }.count <= 3 && faqTitles.contains { containsPhrase(key, $0) }
        return names && !QuestionText.asks(text)  // "Q a?" asks; "Q&A" names
    }

    /// A document title that says the document is a FAQ ("Jekyll F.A.Q.s - Frequently Asked
    /// Questions (and Answers)", "FAQ | tcpdump").
    static func mentionsFAQ(_ text: String) -> Bool {
        let key = self.key(text)
        return faqTitles.contains { containsPhrase(key, $0) }
    }

    /// The phrase as whole words of the key; CJK phrases anywhere (no spaces between words).
    private static func containsPhrase(_ key: String, _ phrase: String) -> Bool {
        if let first = phrase.unicodeScalars.first, first.value >= 0x3000 { return key.contains(phrase) }
        return (" " + key + " ").contains(" " + phrase + " ")
    }

    /// A table of contents: "Contents", "Table of contents", "On this page", "Inhalt"…
    static func isContents(_ text: String) -> Bool { contentsTitles.contains(key(text)) }

    static let faqTitles: Set<String> = [
        "faq", "faqs", "f a q", "f a q s", "frequently asked questions", "frequently asked question",
        "questions and answers", "questions answers", "q a", "qa", "common questions",
        "häufig gestellte fragen", "häufige fragen", "fragen und antworten",
        "preguntas frecuentes", "preguntas y respuestas", "perguntas frequentes", "perguntas e respostas",
        "questions fréquentes", "foire aux questions", "questions réponses", "questions et réponses",
        "domande frequenti", "veelgestelde vragen", "vaak gestelde vragen",
        "часто задаваемые вопросы", "вопросы и ответы", "sıkça sorulan sorular", "často kladené otázky",
        "najczęściej zadawane pytania", "常见问题", "常见问题解答", "常見問題", "常見問題解答", "问与答", "問與答",
        "よくある質問", "よくあるご質問", "자주 묻는 질문", "câu hỏi thường gặp", "pertanyaan umum",
    ]

    static let contentsTitles: Set<String> = [
        "contents", "table of contents", "toc", "on this page", "in this article", "in this page", "index",
        "inhalt", "inhaltsverzeichnis", "table des matières", "sommaire", "contenido", "índice", "indice",
        "sumário", "содержание", "目录", "目次", "목차",
    ]

    /// Lowercased letters and digits, every other run one space.
    static func key(_ text: String) -> String {
        let core = QuestionText.core(text)
        if core.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(core) }
        var out = ""
        var pendingSpace = false
        for character in core.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The same key for ASCII text, by bytes: Unicode's letter and number properties, asked
    /// of every character, cost more than everything else a heading goes through here.
    private static func asciiKey(_ core: Substring) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(core.utf8.count)
        var pendingSpace = false
        for byte in core.utf8 {
            let lower = byte | 0x20
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isLetter || isDigit {
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(isLetter ? lower : byte)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
