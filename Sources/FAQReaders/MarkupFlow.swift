import FAQModel

/// What a converter of a markup that names its own anchors (docutils XML, DocBook) hands
/// over: the flow, the author's id of each heading and entry, and every other id of the
/// source mapped to the heading or entry that holds it, so a link to any of them resolves.
struct MarkupFlow {
    var items: [FlowItem] = []
    /// Flow index → the author's id of that heading or entry.
    var ids: [Int: String] = [:]
    /// Any id met in the source → the id of the heading or entry it belongs to (a label
    /// beside a section id, a paragraph's id inside an answer).
    var aliases: [String: String] = [:]
    /// Ids of headings and entries met so far, in place of a missing author id, so that
    /// ids inside them can still be mapped once the structure has named them.
    private var ownerTokens = 0
    /// The id (or placeholder) of the latest heading or entry: the owner of ids met now.
    private(set) var owner: String?
    var metadata = Metadata()
    var diagnostics: [Diagnostic] = []

    /// Appends a heading or entry; `ids` are all the ids the source gives it, the first
    /// being the one to keep.
    mutating func append(_ item: FlowItem, ids given: [String]) {
        let index = items.count
        items.append(item)
        switch item {
        case .block, .paragraph: return
        case .heading, .entry: break
        }
        if let primary = given.first {
            ids[index] = primary
            owner = primary
            for alias in given.dropFirst() where aliases[alias] == nil { aliases[alias] = primary }
        } else {
            ownerTokens += 1
            let token = "\u{0}owner-\(ownerTokens)"
            ids[index] = token
            owner = token
        }
    }

    /// A top-level paragraph is handed over as such: one that states a question in bold can
    /// start an entry (`FAQStructure`).
    mutating func append(_ block: Block) {
        if case .paragraph(let paragraph) = block {
            items.append(.paragraph(paragraph, location: nil))
        } else {
            items.append(.block(block))
        }
    }

    /// An id met inside the current heading's or entry's content.
    mutating func noteID(_ id: String) {
        guard let owner, aliases[id] == nil, id != owner else { return }
        aliases[id] = owner
    }

    mutating func warn(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}
