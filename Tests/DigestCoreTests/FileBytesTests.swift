import DigestTestSupport
import Foundation
import Testing

@testable import DigestCore

@Suite("FileBytes: files read whole or in part, the large ones mapped")
struct FileBytesTests {
    /// Bytes no two places of which look alike for long: a misplaced offset shows.
    static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    @Test("a file larger than the mapped size and a small one read back byte for byte")
    func wholeFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for count in [0, 10, FileBytes.mappedSize - 1, FileBytes.mappedSize + 4_099] {
            let bytes = Self.pattern(count)
            let file = try folder.write("file-\(count)", Data(bytes))
            let read = try #require(FileBytes.read(file.path))
            #expect(read.count == count)
            #expect(Array(read) == bytes)
        }
        #expect(FileBytes.read(folder.url.appendingPathComponent("missing").path) == nil)
    }

    @Test("a part at an offset that is not a page's start, sliced and read as strings, is the file's")
    func partsAtOffsets() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bytes = Self.pattern(3 * FileBytes.mappedSize)
        let file = try folder.write("file", Data(bytes))
        let descriptor = open(file.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        for (offset, count) in [(1, FileBytes.mappedSize), (4_097, 2 * FileBytes.mappedSize), (12_345, 100)] {
            let part = try #require(FileBytes.read(descriptor, at: offset, count: count))
            #expect(Array(part) == Array(bytes[offset..<offset + count]))
            let middle = part[part.startIndex + 7..<part.startIndex + 20]
            #expect(Array(middle) == Array(bytes[offset + 7..<offset + 20]))
            #expect(
                String(decoding: middle, as: UTF8.self)
                    == String(decoding: bytes[offset + 7..<offset + 20], as: UTF8.self))
        }
    }

    @Test("a part past the file's end is nil, mapped or read, rather than a crash on reading it")
    func pastTheEnd() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("file", Data(Self.pattern(FileBytes.mappedSize + 10)))
        let descriptor = open(file.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(FileBytes.read(descriptor, at: 20, count: FileBytes.mappedSize) == nil)
        #expect(FileBytes.read(descriptor, at: FileBytes.mappedSize, count: 11) == nil)
        #expect(FileBytes.read(descriptor, at: -1, count: 5) == nil)
        #expect(FileBytes.read(descriptor, at: 10, count: FileBytes.mappedSize)?.count == FileBytes.mappedSize)
    }

    @Test("bytes mapped stay readable after the file is replaced by a rename, as the cache replaces its files")
    func replacedWhileMapped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = Self.pattern(2 * FileBytes.mappedSize)
        let file = try folder.write("cache.bin", Data(old))
        let read = try #require(FileBytes.read(file.path))
        let new = try folder.write("cache.bin.new", "new")
        #expect(rename(new.path, file.path) == 0)
        #expect(Array(read) == old)
        #expect(try folder.read("cache.bin") == "new")
    }
}
