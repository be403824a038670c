/// A BCP 47 language tag, checked for its shape (`en`, `pt-BR`, `zh-Hant-TW`, `x-klingon`):
/// letters and digits in subtags of 1 to 8, joined by `-`, the first all letters. XHTML,
/// EPUB and JSON-LD write `lang` as given, so a malformed one would break them.
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, !first.isEmpty, first.count <= 8,
              first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            !subtag.isEmpty && subtag.count <= 8
                && subtag.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
