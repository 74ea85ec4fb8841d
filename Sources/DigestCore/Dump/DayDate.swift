import Foundation

/// A calendar day without time or zone: the unit a digest is published in.
public struct DayDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the day does not exist (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...DayDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(validated year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Earlier than any real date; what a paper with no appearances sorts by.
    /// Today in the local time zone: what "not in the future" means to the person importing.
    public static var today: DayDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return DayDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? .distantPast
    }

    public static let distantPast = DayDate(validated: 1, month: 1, day: 1)

    /// Parses `YYYY-MM-DD`.
    public init?(iso: some StringProtocol) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The latest `month`/`day` that is not after `limit`: `Mar 12` seen on 2027-01-05 is
    /// 2026-03-12. Nil only for a day that exists in no nearby year.
    public static func mostRecent(month: Int, day: Int, notAfter limit: DayDate) -> DayDate? {
        for year in stride(from: limit.year, through: limit.year - 8, by: -1) {
            if let date = DayDate(year: year, month: month, day: day), date <= limit { return date }
        }
        return nil
    }

    /// One integer in the dates' order: what sorts of hundreds of thousands of papers compare.
    public var ordinal: Int { (year << 9) | (month << 5) | day }

    public static func < (lhs: DayDate, rhs: DayDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2026-03-12`
    public var iso: String {
        "\(year)-\(Self.pad(month))-\(Self.pad(day))"
    }

    public var description: String { iso }

    /// `2026-03`
    public var monthKey: String { "\(year)-\(Self.pad(month))" }

    /// `March 2026`
    public var monthTitle: String { "\(Self.monthNames[month - 1]) \(year)" }

    /// `March 12, 2026`
    public var long: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }

    /// `Mar 12`
    public var short: String { "\(Self.monthNames[month - 1].prefix(3)) \(day)" }

    /// `Thursday`
    public var weekdayName: String { Self.weekdayNames[weekday] }

    /// 0 = Sunday … 6 = Saturday (Sakamoto's method).
    public var weekday: Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }

    /// RFC 3339 timestamp at midnight UTC, for feeds and sitemaps.
    public var rfc3339: String { "\(iso)T00:00:00Z" }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
