/// A number with its noun in the right form for messages: `1 day`, `3 days`, `1 entry`.
public func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
}
