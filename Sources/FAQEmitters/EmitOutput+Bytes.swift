/// The bytes of an output: text as UTF-8, an archive zipped.
extension EmitOutput {
    public func serialized() throws -> [UInt8] {
        switch self {
        case .text(let text): return Array(text.utf8)
        case .archive(let entries): return try ArchiveEntry.zip(entries)
        }
    }
}

// `ArchiveEntry.zip` lives in EPUB/ZipArchive.swift (ZIPFoundation).
