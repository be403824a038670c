import Glibc

/// `memchr` over UTF-8 storage: the generic `contains`/`firstIndex(of:)` on a string's
/// UTF-8 view walks it byte by byte through the collection protocols, which cost a tenth of
/// reading a large document (a CR check, the Liquid scan, the permalink pre-read).
enum ByteSearch {
    /// Offset of the first `byte` at or after `offset`.
    static func first(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from offset: Int = 0) -> Int? {
        guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + offset, Int32(byte), buffer.count - offset) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension StringProtocol {
    /// Whether the UTF-8 of the string holds `byte`.
    func containsUTF8Byte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { ByteSearch.first(byte, in: $0) != nil } ?? utf8.contains(byte)
    }
}
