import GRDB

extension Database {
    /// Runs one SQL statement prepared once per connection (GRDB keeps it in the connection's
    /// statement cache). The delivery path runs the same few statements for every notice, log
    /// entry and item: preparing each anew was a fifth of delivering the cold-start backlog.
    func run(_ sql: String, _ arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
