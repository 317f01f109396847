<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kessai::ApiError</name>
    <message>
        <source>%1 (request ID %2)</source>
        <translation>%1 (request ID %2)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>kessai::ApiReply</name>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>The secure connection failed: %1</translation>
    </message>
    <message>
        <source>The gateway refused the connection. Is it running at this address?</source>
        <translation>The gateway refused the connection. Is it running at this address?</translation>
    </message>
    <message>
        <source>The gateway&apos;s host name was not found.</source>
        <translation>The gateway&apos;s host name was not found.</translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation>The gateway did not answer in time.</translation>
    </message>
    <message>
        <source>Cannot reach the gateway: %1</source>
        <translation>Cannot reach the gateway: %1</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>The gateway&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>The login ID or password is wrong.</source>
        <translation>The login ID or password is wrong.</translation>
    </message>
    <message>
        <source>This certificate belongs to another user. Log in with the ID the certificate was issued for.</source>
        <translation>This certificate belongs to another user. Log in with the ID the certificate was issued for.</translation>
    </message>
    <message>
        <source>The account is locked after too many failed logins. Try again in 30 minutes or ask an administrator to unlock it.</source>
        <translation>The account is locked after too many failed logins. Try again in 30 minutes or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>Your session has ended. Please log in again.</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>You are not logged in.</translation>
    </message>
    <message>
        <source>You do not have permission for this.</source>
        <translation>You do not have permission for this.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>The gateway had an internal error.</source>
        <translation>The gateway had an internal error.</translation>
    </message>
    <message>
        <source>The gateway refused the request (%1).</source>
        <translation>The gateway refused the request (%1).</translation>
    </message>
    <message numerus="yes">
        <source>The account is locked after too many failed logins. Try again in %n minute(s) or ask an administrator to unlock it.</source>
        <translation>
            <numerusform>The account is locked after too many failed logins. Try again in %n minute or ask an administrator to unlock it.</numerusform>
            <numerusform>The account is locked after too many failed logins. Try again in %n minutes or ask an administrator to unlock it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your client certificate has expired. Ask an administrator for a new one.</source>
        <translation>Your client certificate has expired. Ask an administrator for a new one.</translation>
    </message>
    <message>
        <source>Your client certificate is no longer accepted. Ask an administrator for a new one.</source>
        <translation>Your client certificate is no longer accepted. Ask an administrator for a new one.</translation>
    </message>
    <message>
        <source>Too many logins with a certificate of another user. Wait a minute and log in with your own ID.</source>
        <translation>Too many logins with a certificate of another user. Wait a minute and log in with your own ID.</translation>
    </message>
    <message>
        <source>The gateway is busy. Try again in a moment.</source>
        <translation>The gateway is busy. Try again in a moment.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>The password does not meet the policy: at least 12 characters with letters and digits, and not the current one.</source>
        <translation>The password does not meet the policy: at least 12 characters with letters and digits, and not the current one.</translation>
    </message>
    <message>
        <source>An administrator reset your password. Change it (File &gt; Change password…) before you go on.</source>
        <translation>An administrator reset your password. Change it (File &gt; Change password…) before you go on.</translation>
    </message>
    <message>
        <source>The gateway cannot write to its storage (it is full or failing), so nothing was done. Try again later; if it goes on, tell the gateway&apos;s operator.</source>
        <translation>The gateway cannot write to its storage (it is full or failing), so nothing was done. Try again later; if it goes on, tell the gateway&apos;s operator.</translation>
    </message>
    <message>
        <source>The gateway cannot reach its database. Try again in a moment.</source>
        <translation>The gateway cannot reach its database. Try again in a moment.</translation>
    </message>
    <message>
        <source>The gateway closed the connection. It may have stopped, or it did not accept this certificate (expired, revoked or not issued by it).</source>
        <translation>The gateway closed the connection. It may have stopped, or it did not accept this certificate (expired, revoked or not issued by it).</translation>
    </message>
    <message>
        <source>Two exports of yours are still running (or the gateway is running as many as it allows). Try again when one has finished.</source>
        <translation>Two exports of yours are still running (or the gateway is running as many as it allows). Try again when one has finished.</translation>
    </message>
</context>
<context>
    <name>kessai::AuditExport</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Action code</source>
        <translation>Action code</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>kessai::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>kessai::AuditPage</name>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Search the audit log again</source>
        <translation>Search the audit log again</translation>
    </message>
    <message>
        <source>Login ID</source>
        <translation>Login ID</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Any result</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>&amp;Days:</translation>
    </message>
    <message>
        <source>to</source>
        <comment>days from … to …</comment>
        <translation>to</translation>
    </message>
    <message>
        <source>Double-click an entry (or press Enter) to see all of it.</source>
        <translation>Double-click an entry (or press Enter) to see all of it.</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>%1 entries shown; scroll for older ones</source>
        <translation>%1 entries shown; scroll for older ones</translation>
    </message>
    <message>
        <source>Time: %1 (Japan time)
User: %2
Action: %3 (%4)
Target: %5
Result: %6
From: %7
Request ID: %8</source>
        <translation>Time: %1 (Japan time)
User: %2
Action: %3 (%4)
Target: %5
Result: %6
From: %7
Request ID: %8</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Audit entry</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>&amp;Export the audit log…</source>
        <translation>&amp;Export the audit log…</translation>
    </message>
    <message>
        <source>Payment ID, trading ID or login ID</source>
        <translation>Payment ID, trading ID or login ID</translation>
    </message>
    <message>
        <source>Only the entries about this payment (its payment ID or trading ID), this user or this statement.</source>
        <translation>Only the entries about this payment (its payment ID or trading ID), this user or this statement.</translation>
    </message>
    <message>
        <source>Ab&amp;out:</source>
        <translation>Ab&amp;out:</translation>
    </message>
    <message>
        <source>Export every entry the filters find, not only the rows on screen (Ctrl+E)</source>
        <translation>Export every entry the filters find, not only the rows on screen (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>Every entry the filters find, newest first, not only the rows on screen.</source>
        <translation>Every entry the filters find, newest first, not only the rows on screen.</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>kessai::BulkActionBar</name>
    <message>
        <source>Ca&amp;pture checked…</source>
        <comment>bulk 売上</comment>
        <translation>Ca&amp;pture checked…</translation>
    </message>
    <message>
        <source>Cance&amp;l checked…</source>
        <comment>bulk 取消</comment>
        <translation>Cance&amp;l checked…</translation>
    </message>
    <message>
        <source>Capture the checked payments in one batch (売上)</source>
        <translation>Capture the checked payments in one batch (売上)</translation>
    </message>
    <message>
        <source>Cancel the checked payments in one batch (取消)</source>
        <translation>Cancel the checked payments in one batch (取消)</translation>
    </message>
    <message>
        <source>The bulk journal could not be opened; see the bulk page</source>
        <translation>The bulk journal could not be opened; see the bulk page</translation>
    </message>
</context>
<context>
    <name>kessai::BulkBatchesModel</name>
    <message>
        <source>Capture</source>
        <comment>売上</comment>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>取消</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Change amount</source>
        <comment>金額変更</comment>
        <translation>Change amount</translation>
    </message>
    <message>
        <source>Selected payments</source>
        <translation>Selected payments</translation>
    </message>
    <message>
        <source>Running (%1 / %2)</source>
        <translation>Running (%1 / %2)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>Not every item has its answer yet. Finish it: the same requests are sent again under the same keys, so nothing is done twice.</source>
        <translation>Not every item has its answer yet. Finish it: the same requests are sent again under the same keys, so nothing is done twice.</translation>
    </message>
    <message>
        <source>Created (JST)</source>
        <translation>Created (JST)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Retry of batch %1</source>
        <translation>Retry of batch %1</translation>
    </message>
</context>
<context>
    <name>kessai::BulkConfirmDialog</name>
    <message>
        <source>Cancel %1 payments</source>
        <comment>bulk cancel button: 3,000件を取消する</comment>
        <translation>Cancel %1 payments</translation>
    </message>
    <message>
        <source>Capture %1 payments</source>
        <comment>bulk capture button: 3,000件を売上確定する</comment>
        <translation>Capture %1 payments</translation>
    </message>
    <message>
        <source>Confirm bulk capture</source>
        <translation>Confirm bulk capture</translation>
    </message>
    <message>
        <source>Confirm bulk cancel</source>
        <translation>Confirm bulk cancel</translation>
    </message>
    <message>
        <source>None of these payments can be captured now.</source>
        <translation>None of these payments can be captured now.</translation>
    </message>
    <message>
        <source>None of these payments can be cancelled now.</source>
        <translation>None of these payments can be cancelled now.</translation>
    </message>
    <message>
        <source>%1 payments will be captured, %2 in total.</source>
        <translation>%1 payments will be captured, %2 in total.</translation>
    </message>
    <message>
        <source>%1 payments will be cancelled, %2 in total.</source>
        <translation>%1 payments will be cancelled, %2 in total.</translation>
    </message>
    <message>
        <source>%1 checked payments will be left out: the gateway does not allow a capture in their status (already captured, cancelled, expired…).</source>
        <translation>%1 checked payments will be left out: the gateway does not allow a capture in their status (already captured, cancelled, expired…).</translation>
    </message>
    <message>
        <source>%1 checked payments will be left out: the gateway does not allow a cancel in their status (already cancelled, paid, expired…).</source>
        <translation>%1 checked payments will be left out: the gateway does not allow a cancel in their status (already cancelled, paid, expired…).</translation>
    </message>
    <message>
        <source>%1 payments are not loaded in the table; the gateway decides them when they are sent.</source>
        <translation>%1 payments are not loaded in the table; the gateway decides them when they are sent.</translation>
    </message>
    <message>
        <source>Each payment is captured for its whole authorized amount. Every item is written to the journal before it is sent, so nothing is captured twice, even after a crash.</source>
        <translation>Each payment is captured for its whole authorized amount. Every item is written to the journal before it is sent, so nothing is captured twice, even after a crash.</translation>
    </message>
    <message>
        <source>Every item is written to the journal before it is sent, so nothing is cancelled twice, even after a crash.</source>
        <translation>Every item is written to the journal before it is sent, so nothing is cancelled twice, even after a crash.</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Left out</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Cancel payments</source>
        <translation>Cancel payments</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>&amp;Back</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFile</name>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>The file is empty: it needs a header line and at least one line to process.</source>
        <translation>The file is empty: it needs a header line and at least one line to process.</translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot;. The columns are 決済ID (payment_id), 取引ID (trading_id), 処理区分 (action) and 金額 (amount).</source>
        <translation>Unknown column &quot;%1&quot;. The columns are 決済ID (payment_id), 取引ID (trading_id), 処理区分 (action) and 金額 (amount).</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is there twice.</source>
        <translation>The column &quot;%1&quot; is there twice.</translation>
    </message>
    <message>
        <source>The file needs a 決済ID (payment_id) or 取引ID (trading_id) column.</source>
        <translation>The file needs a 決済ID (payment_id) or 取引ID (trading_id) column.</translation>
    </message>
    <message>
        <source>The file needs a 処理区分 (action) column: 売上 (capture) or 取消 (cancel).</source>
        <translation>The file needs a 処理区分 (action) column: 売上 (capture) or 取消 (cancel).</translation>
    </message>
    <message>
        <source>This line has %1 fields, but the header has %2.</source>
        <translation>This line has %1 fields, but the header has %2.</translation>
    </message>
    <message>
        <source>Neither 決済ID (payment_id) nor 取引ID (trading_id) is given.</source>
        <translation>Neither 決済ID (payment_id) nor 取引ID (trading_id) is given.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a 決済ID (payment_id): 1 to 18 digits.</source>
        <translation>&quot;%1&quot; is not a 決済ID (payment_id): 1 to 18 digits.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a 取引ID (trading_id): 1 to 25 letters, digits or _.</source>
        <translation>&quot;%1&quot; is not a 取引ID (trading_id): 1 to 25 letters, digits or _.</translation>
    </message>
    <message>
        <source>処理区分 (action) is empty: 売上 (capture) or 取消 (cancel).</source>
        <translation>処理区分 (action) is empty: 売上 (capture) or 取消 (cancel).</translation>
    </message>
    <message>
        <source>Unknown 処理区分 (action) &quot;%1&quot;: 売上 (capture) or 取消 (cancel).</source>
        <translation>Unknown 処理区分 (action) &quot;%1&quot;: 売上 (capture) or 取消 (cancel).</translation>
    </message>
    <message>
        <source>This line says %1, but the file is run as %2.</source>
        <translation>This line says %1, but the file is run as %2.</translation>
    </message>
    <message>
        <source>金額 (amount) &quot;%1&quot; is not an amount in yen: a whole number from 1 to 9,999,999.</source>
        <translation>金額 (amount) &quot;%1&quot; is not an amount in yen: a whole number from 1 to 9,999,999.</translation>
    </message>
    <message>
        <source>Payment %1 is already on line %2.</source>
        <translation>Payment %1 is already on line %2.</translation>
    </message>
    <message>
        <source>取引ID %1 is already on line %2.</source>
        <translation>取引ID %1 is already on line %2.</translation>
    </message>
    <message>
        <source>The file has a header but no line to process.</source>
        <translation>The file has a header but no line to process.</translation>
    </message>
    <message>
        <source>取引ID %1 is payment %2, which is already on line %3.</source>
        <translation>取引ID %1 is payment %2, which is already on line %3.</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFileDialog</name>
    <message>
        <source>UTF-8 (with BOM)</source>
        <translation>UTF-8 (with BOM)</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Shift_JIS (CP932)</source>
        <translation>Shift_JIS (CP932)</translation>
    </message>
    <message>
        <source>&amp;Leave out the broken lines and run the rest</source>
        <translation>&amp;Leave out the broken lines and run the rest</translation>
    </message>
    <message>
        <source>Run this file &amp;again</source>
        <translation>Run this file &amp;again</translation>
    </message>
    <message>
        <source>Bulk file</source>
        <translation>Bulk file</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Capture (売上): %1 payments, each for its authorized amount</source>
        <translation>Capture (売上): %1 payments, each for its authorized amount</translation>
    </message>
    <message>
        <source>Cancel (取消): %1 payments</source>
        <translation>Cancel (取消): %1 payments</translation>
    </message>
    <message>
        <source>No line of this file can be sent.</source>
        <translation>No line of this file can be sent.</translation>
    </message>
    <message>
        <source>This file&apos;s batch did not finish last time. Running it finishes what is left under the same keys: nothing is captured or cancelled twice.</source>
        <translation>This file&apos;s batch did not finish last time. Running it finishes what is left under the same keys: nothing is captured or cancelled twice.</translation>
    </message>
    <message>
        <source>This file already ran as batch %1 on %2 (%3 succeeded, %4 failed). Running it again sends every line once more.</source>
        <translation>This file already ran as batch %1 on %2 (%3 succeeded, %4 failed). Running it again sends every line once more.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of this file cannot be sent. Fix the file and open it again, or leave those lines out.</source>
        <translation>
            <numerusform>%n line of this file cannot be sent. Fix the file and open it again, or leave that line out.</numerusform>
            <numerusform>%n lines of this file cannot be sent. Fix the file and open it again, or leave those lines out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Finish the batch</source>
        <translation>Finish the batch</translation>
    </message>
    <message>
        <source>Capture %1 payments</source>
        <comment>bulk capture button: 3,000件を売上確定する</comment>
        <translation>Capture %1 payments</translation>
    </message>
    <message>
        <source>Cancel %1 payments</source>
        <comment>bulk cancel button: 3,000件を取消する</comment>
        <translation>Cancel %1 payments</translation>
    </message>
    <message>
        <source>Process %1 payments</source>
        <comment>capture and cancel lines: 3,000件を処理する</comment>
        <translation>Process %1 payments</translation>
    </message>
    <message>
        <source>Capture (売上): %1 payments — %2 for the amounts given, %3 in total; the rest for their authorized amounts</source>
        <translation>Capture (売上): %1 payments — %2 for the amounts given, %3 in total; the rest for their authorized amounts</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFileFlow</name>
    <message>
        <source>The bulk journal could not be opened, so nothing can be sent in bulk.</source>
        <translation>The bulk journal could not be opened, so nothing can be sent in bulk.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>Looking up 取引ID</source>
        <translation>Looking up 取引ID</translation>
    </message>
    <message>
        <source>Looking up the 取引ID of the file…</source>
        <translation>Looking up the 取引ID of the file…</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>stop reading the checked payments</comment>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Looking up the 取引ID of the file… %1 / %2</source>
        <translation>Looking up the 取引ID of the file… %1 / %2</translation>
    </message>
    <message>
        <source>The 取引ID of the file could not be looked up: %1. Nothing was sent.</source>
        <translation>The 取引ID of the file could not be looked up: %1. Nothing was sent.</translation>
    </message>
    <message>
        <source>Nothing more was sent: the bulk journal could not be written (%1).</source>
        <translation>Nothing more was sent: the bulk journal could not be written (%1).</translation>
    </message>
    <message>
        <source>Bulk file</source>
        <translation>Bulk file</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFileResolver</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>Not connected to the gateway.</translation>
    </message>
    <message>
        <source>No payment has 取引ID %1.</source>
        <translation>No payment has 取引ID %1.</translation>
    </message>
    <message>
        <source>Payment %1 is not a payment of 取引ID %2 (its payments: %3).</source>
        <translation>Payment %1 is not a payment of 取引ID %2 (its payments: %3).</translation>
    </message>
    <message>
        <source>取引ID %1 matches %2 payments: %3. Give the 決済ID (payment_id) of the one meant.</source>
        <translation>取引ID %1 matches %2 payments: %3. Give the 決済ID (payment_id) of the one meant.</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>more than %1</translation>
    </message>
</context>
<context>
    <name>kessai::BulkItemsModel</name>
    <message>
        <source>Waiting</source>
        <comment>item not answered yet</comment>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Authorized amount</source>
        <translation>Authorized amount</translation>
    </message>
    <message>
        <source>Whole amount</source>
        <translation>Whole amount</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Status after</source>
        <translation>Status after</translation>
    </message>
    <message>
        <source>Amount after</source>
        <translation>Amount after</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>kessai::BulkPage</name>
    <message>
        <source>Stop after this chunk</source>
        <translation>Stop after this chunk</translation>
    </message>
    <message>
        <source>&amp;Finish this batch</source>
        <translation>&amp;Finish this batch</translation>
    </message>
    <message>
        <source>&amp;Retry failed items</source>
        <translation>&amp;Retry failed items</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>&amp;Export results…</translation>
    </message>
    <message>
        <source>The bulk journal could not be opened, so nothing can be sent in bulk. Check that the console&apos;s data folder is writable, then start the console again.</source>
        <translation>The bulk journal could not be opened, so nothing can be sent in bulk. Check that the console&apos;s data folder is writable, then start the console again.</translation>
    </message>
    <message>
        <source>What was sent stays done; the rest of the batch can be finished later</source>
        <translation>What was sent stays done; the rest of the batch can be finished later</translation>
    </message>
    <message>
        <source>Show items</source>
        <translation>Show items</translation>
    </message>
    <message>
        <source>Send what has no answer yet, under the same keys: nothing is done twice</source>
        <translation>Send what has no answer yet, under the same keys: nothing is done twice</translation>
    </message>
    <message>
        <source>Send the failed items again as a new batch</source>
        <translation>Send the failed items again as a new batch</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>&amp;Finish the batch</source>
        <translation>&amp;Finish the batch</translation>
    </message>
    <message>
        <source>&amp;Stop the running batch</source>
        <translation>&amp;Stop the running batch</translation>
    </message>
    <message>
        <source>Batch %1: %2, %3</source>
        <translation>Batch %1: %2, %3</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>All (%1)</translation>
    </message>
    <message>
        <source>Succeeded (%1)</source>
        <translation>Succeeded (%1)</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Failed (%1)</translation>
    </message>
    <message>
        <source>Skipped (%1)</source>
        <translation>Skipped (%1)</translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation>Waiting (%1)</translation>
    </message>
    <message>
        <source>Capturing: %1 of %2 payments</source>
        <translation>Capturing: %1 of %2 payments</translation>
    </message>
    <message>
        <source>Cancelling: %1 of %2 payments</source>
        <translation>Cancelling: %1 of %2 payments</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Elapsed %1</translation>
    </message>
    <message>
        <source>Elapsed %1, about %2 left</source>
        <translation>Elapsed %1, about %2 left</translation>
    </message>
    <message>
        <source>Batch %1 is done: %2 succeeded, %3 failed, %4 skipped.</source>
        <translation>Batch %1 is done: %2 succeeded, %3 failed, %4 skipped.</translation>
    </message>
    <message>
        <source>Batch %1 was stopped: %2 items were done and stay done; the rest was not sent. Finish it later with &quot;Finish this batch&quot;.</source>
        <translation>Batch %1 was stopped: %2 items were done and stay done; the rest was not sent. Finish it later with &quot;Finish this batch&quot;.</translation>
    </message>
    <message>
        <source>Batch %1 is waiting: the gateway did not answer (%2). Nothing is lost — when the connection is back, finish it with &quot;Finish this batch&quot;; the same requests are sent again and nothing is done twice.</source>
        <translation>Batch %1 is waiting: the gateway did not answer (%2). Nothing is lost — when the connection is back, finish it with &quot;Finish this batch&quot;; the same requests are sent again and nothing is done twice.</translation>
    </message>
    <message>
        <source>bulk-%1-results.csv</source>
        <comment>file name</comment>
        <translation>bulk-%1-results.csv</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Export results</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The results could not be written: %1</source>
        <translation>The results could not be written: %1</translation>
    </message>
    <message>
        <source>The results were written to %1.</source>
        <translation>The results were written to %1.</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>&amp;Open a file…</translation>
    </message>
    <message>
        <source>Bulk captures and cancels: check payments on the payment search and choose Capture or Cancel, or open (or drop here) a CSV file of 決済ID or 取引ID with 売上 / 取消. Each batch is kept here for %1 days.</source>
        <translation>Bulk captures and cancels: check payments on the payment search and choose Capture or Cancel, or open (or drop here) a CSV file of 決済ID or 取引ID with 売上 / 取消. Each batch is kept here for %1 days.</translation>
    </message>
    <message>
        <source>Capture or cancel the payments of a CSV file (ファイル処理)</source>
        <translation>Capture or cancel the payments of a CSV file (ファイル処理)</translation>
    </message>
    <message>
        <source>&amp;Open a bulk file…</source>
        <translation>&amp;Open a bulk file…</translation>
    </message>
    <message>
        <source>Open a bulk file</source>
        <translation>Open a bulk file</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Batch %1 is waiting: the session ended (%2). Nothing is lost — sign in again and finish it with &quot;Finish this batch&quot;; the rest is sent under the same keys and nothing is done twice.</source>
        <translation>Batch %1 is waiting: the session ended (%2). Nothing is lost — sign in again and finish it with &quot;Finish this batch&quot;; the rest is sent under the same keys and nothing is done twice.</translation>
    </message>
    <message>
        <source>Batch %1 stopped: the journal could not be written (%2), so nothing more was sent. Nothing is lost — make room on the disk, then finish it with &quot;Finish this batch&quot;; an answer that could not be written is asked for again and nothing is done twice.</source>
        <translation>Batch %1 stopped: the journal could not be written (%2), so nothing more was sent. Nothing is lost — make room on the disk, then finish it with &quot;Finish this batch&quot;; an answer that could not be written is asked for again and nothing is done twice.</translation>
    </message>
</context>
<context>
    <name>kessai::BulkPlan</name>
    <message>
        <source>Left out: the gateway does not allow this on the payment in its status (%1).</source>
        <translation>Left out: the gateway does not allow this on the payment in its status (%1).</translation>
    </message>
</context>
<context>
    <name>kessai::BulkSelectionFlow</name>
    <message>
        <source>The bulk journal could not be opened, so nothing can be sent in bulk.</source>
        <translation>The bulk journal could not be opened, so nothing can be sent in bulk.</translation>
    </message>
    <message>
        <source>Checking payments</source>
        <translation>Checking payments</translation>
    </message>
    <message>
        <source>Reading the checked payments…</source>
        <translation>Reading the checked payments…</translation>
    </message>
    <message>
        <source>Reading the checked payments… %1 / %2</source>
        <translation>Reading the checked payments… %1 / %2</translation>
    </message>
    <message>
        <source>Reading the checked payments… %1</source>
        <translation>Reading the checked payments… %1</translation>
    </message>
    <message>
        <source>A bulk action takes at most %1 payments at a time. Narrow the search, or uncheck some.</source>
        <translation>A bulk action takes at most %1 payments at a time. Narrow the search, or uncheck some.</translation>
    </message>
    <message>
        <source>The checked payments could not be read: %1</source>
        <translation>The checked payments could not be read: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: the bulk journal could not be written (%1).</source>
        <translation>Nothing was sent: the bulk journal could not be written (%1).</translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation>Bulk action</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>stop reading the checked payments</comment>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>kessai::BulkService</name>
    <message>
        <source>Not signed in.</source>
        <translation>Not signed in.</translation>
    </message>
    <message>
        <source>No such batch.</source>
        <translation>No such batch.</translation>
    </message>
    <message>
        <source>Nothing failed in this batch.</source>
        <translation>Nothing failed in this batch.</translation>
    </message>
</context>
<context>
    <name>kessai::CapturedPaymentsReader</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>Not connected to the gateway.</translation>
    </message>
</context>
<context>
    <name>kessai::CertificateDialog</name>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Serial number:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Valid until:</translation>
    </message>
    <message numerus="yes">
        <source>Valid, %n day(s) left.</source>
        <translation>
            <numerusform>Valid, %n day left.</numerusform>
            <numerusform>Valid, %n days left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>kessai::CertificateExpiry</name>
    <message>
        <source>Your certificate expired on %1. Ask an administrator for a new one.</source>
        <translation>Your certificate expired on %1. Ask an administrator for a new one.</translation>
    </message>
    <message>
        <source>Your certificate expires today (%1). Ask an administrator for a new one now.</source>
        <translation>Your certificate expires today (%1). Ask an administrator for a new one now.</translation>
    </message>
    <message numerus="yes">
        <source>Your certificate expires in %n day(s) (%1). Ask an administrator for a new one.</source>
        <translation>
            <numerusform>Your certificate expires in %n day (%1). Ask an administrator for a new one.</numerusform>
            <numerusform>Your certificate expires in %n days (%1). Ask an administrator for a new one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kessai::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Change password</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>An administrator has reset your password. Choose a new one to go on.</source>
        <translation>An administrator has reset your password. Choose a new one to go on.</translation>
    </message>
    <message>
        <source>Your other sessions end when the password is changed.</source>
        <translation>Your other sessions end when the password is changed.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>The new password needs at least 12 characters, with letters and digits.</source>
        <translation>The new password needs at least 12 characters, with letters and digits.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>Type the new password again, the same way.</source>
        <translation>Type the new password again, the same way.</translation>
    </message>
    <message>
        <source>Ready to change.</source>
        <translation>Ready to change.</translation>
    </message>
</context>
<context>
    <name>kessai::ClientIdentity</name>
    <message>
        <source>The certificate file cannot be read: %1</source>
        <translation>The certificate file cannot be read: %1</translation>
    </message>
    <message>
        <source>This is not a PKCS#12 certificate file (.p12 / .pfx).</source>
        <translation>This is not a PKCS#12 certificate file (.p12 / .pfx).</translation>
    </message>
    <message>
        <source>The passphrase is wrong.</source>
        <translation>The passphrase is wrong.</translation>
    </message>
    <message>
        <source>This file uses old encryption (RC2/3DES) that cannot be read. Ask your administrator for a new certificate, or re-export it with AES-256.</source>
        <translation>This file uses old encryption (RC2/3DES) that cannot be read. Ask your administrator for a new certificate, or re-export it with AES-256.</translation>
    </message>
    <message>
        <source>The file holds no certificate with a private key.</source>
        <translation>The file holds no certificate with a private key.</translation>
    </message>
    <message>
        <source>The CA file cannot be read: %1</source>
        <translation>The CA file cannot be read: %1</translation>
    </message>
    <message>
        <source>The CA file holds no certificate.</source>
        <translation>The CA file holds no certificate.</translation>
    </message>
</context>
<context>
    <name>kessai::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Remember the passphrase in the system keychain</source>
        <translation>Remember the passphrase in the system keychain</translation>
    </message>
    <message>
        <source>Your client certificate (.p12 / .pfx)</source>
        <translation>Your client certificate (.p12 / .pfx)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Each user connects with a personal client certificate issued by the merchant administrator. Choose yours and enter its passphrase.</source>
        <translation>Each user connects with a personal client certificate issued by the merchant administrator. Choose yours and enter its passphrase.</translation>
    </message>
    <message>
        <source>Gateway URL:</source>
        <translation>Gateway URL:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA certificate:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client certificate:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Issued to:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Valid:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Choose your client certificate</source>
        <translation>Choose your client certificate</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>Choose the gateway&apos;s CA certificate</source>
        <translation>Choose the gateway&apos;s CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>(enter the passphrase to read the certificate)</source>
        <translation>(enter the passphrase to read the certificate)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>The gateway URL must start with https://</source>
        <translation>The gateway URL must start with https://</translation>
    </message>
    <message>
        <source>This certificate is not valid now (see its validity above). Ask your administrator for a new one.</source>
        <translation>This certificate is not valid now (see its validity above). Ask your administrator for a new one.</translation>
    </message>
    <message>
        <source>Certificate and gateway</source>
        <translation>Certificate and gateway</translation>
    </message>
    <message>
        <source>%1 to %2 (not valid now)</source>
        <translation>%1 to %2 (not valid now)</translation>
    </message>
    <message>
        <source>PEM file of the CA that signed the gateway (empty: the CA in your certificate file)</source>
        <translation>PEM file of the CA that signed the gateway (empty: the CA in your certificate file)</translation>
    </message>
</context>
<context>
    <name>kessai::ConsoleSession</name>
    <message>
        <source>The gateway URL must start with https://</source>
        <translation>The gateway URL must start with https://</translation>
    </message>
    <message>
        <source>Batch %1 (%2, %3): %4 of %5 items answered</source>
        <translation>Batch %1 (%2, %3): %4 of %5 items answered</translation>
    </message>
    <message>
        <source>Unfinished bulk processing</source>
        <translation>Unfinished bulk processing</translation>
    </message>
    <message numerus="yes">
        <source>%n bulk batch(es) did not finish last time (the console closed or the connection was lost). Finish them now? The same requests are sent again under the same keys, so no payment is captured or cancelled twice.</source>
        <translation>
            <numerusform>%n bulk batch did not finish last time (the console closed or the connection was lost). Finish it now? The same requests are sent again under the same keys, so no payment is captured or cancelled twice.</numerusform>
            <numerusform>%n bulk batches did not finish last time (the console closed or the connection was lost). Finish them now? The same requests are sent again under the same keys, so no payment is captured or cancelled twice.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Finish now</source>
        <translation>&amp;Finish now</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Bulk processing %1 is running and goes on while the console is locked.</source>
        <translation>Bulk processing %1 is running and goes on while the console is locked.</translation>
    </message>
</context>
<context>
    <name>kessai::CsvReader</name>
    <message>
        <source>A double quote (&quot;) in the wrong place: a field with a quote must be quoted as a whole, with the quote doubled (&quot;&quot;).</source>
        <translation>A double quote (&quot;) in the wrong place: a field with a quote must be quoted as a whole, with the quote doubled (&quot;&quot;).</translation>
    </message>
    <message>
        <source>A quoted field starts on this line and is never closed.</source>
        <translation>A quoted field starts on this line and is never closed.</translation>
    </message>
    <message>
        <source>This line holds bytes that are not text in UTF-8 or Shift_JIS (CP932).</source>
        <translation>This line holds bytes that are not text in UTF-8 or Shift_JIS (CP932).</translation>
    </message>
</context>
<context>
    <name>kessai::CsvWriter</name>
    <message>
        <source>Row %1, column %2 contains %3, which Shift_JIS (CP932) cannot represent. Export as UTF-8 instead, or change the data.</source>
        <translation>Row %1, column %2 contains %3, which Shift_JIS (CP932) cannot represent. Export as UTF-8 instead, or change the data.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
</context>
<context>
    <name>kessai::DateEdit</name>
    <message>
        <source>yyyy/mm/dd</source>
        <translation>yyyy/mm/dd</translation>
    </message>
    <message>
        <source>Pick a date (F4)</source>
        <translation>Pick a date (F4)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as 2026/11/01.</source>
        <translation>&quot;%1&quot; is not a date; write it as 2026/11/01.</translation>
    </message>
</context>
<context>
    <name>kessai::DateRangeFilter</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>The period is reversed: the first date must not be later than the second.</source>
        <translation>The period is reversed: the first date must not be later than the second.</translation>
    </message>
</context>
<context>
    <name>kessai::ExportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The export failed. No file was written.</source>
        <translation>The export failed. No file was written.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln row exported to %1.</numerusform>
            <numerusform>%Ln rows exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kessai::LedgerMappingDialog</name>
    <message>
        <source>Column %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>Which columns?</source>
        <translation>Which columns?</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>column number: header name</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The header of %1 does not say clearly which column holds the trading ID (取引ID, 注文番号…) and which the amount. Choose them; files with the same header will be read the same way.</source>
        <translation>The header of %1 does not say clearly which column holds the trading ID (取引ID, 注文番号…) and which the amount. Choose them; files with the same header will be read the same way.</translation>
    </message>
    <message>
        <source>&amp;Trading ID column:</source>
        <translation>&amp;Trading ID column:</translation>
    </message>
    <message>
        <source>&amp;Amount column:</source>
        <translation>&amp;Amount column:</translation>
    </message>
    <message>
        <source>The file&apos;s first lines:</source>
        <translation>The file&apos;s first lines:</translation>
    </message>
    <message>
        <source>%1
▶ trading ID</source>
        <translation>%1
▶ trading ID</translation>
    </message>
    <message>
        <source>%1
▶ amount</source>
        <translation>%1
▶ amount</translation>
    </message>
    <message>
        <source>The trading ID and the amount must be two different columns.</source>
        <translation>The trading ID and the amount must be two different columns.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; holds &quot;%2&quot;, which is not an amount in yen. Is it the right column?</source>
        <translation>The column &quot;%1&quot; holds &quot;%2&quot;, which is not an amount in yen. Is it the right column?</translation>
    </message>
</context>
<context>
    <name>kessai::LockCurtain</name>
    <message>
        <source>Kessai is locked</source>
        <translation>Kessai is locked</translation>
    </message>
</context>
<context>
    <name>kessai::LockDialog</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — %3 %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) — %3 %4</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message numerus="yes">
        <source>The console was locked after %n minute(s) without input. Enter your password to go on where you left off.</source>
        <translation>
            <numerusform>The console was locked after %n minute without input. Enter your password to go on where you left off.</numerusform>
            <numerusform>The console was locked after %n minutes without input. Enter your password to go on where you left off.</numerusform>
        </translation>
    </message>
    <message>
        <source>You signed in 12 hours ago. Enter your password to sign in again; your pages stay as they are.</source>
        <translation>You signed in 12 hours ago. Enter your password to sign in again; your pages stay as they are.</translation>
    </message>
    <message>
        <source>The gateway ended your session. Enter your password to sign in again; your pages stay as they are, and bulk processing stopped by the gateway goes on after you sign in.</source>
        <translation>The gateway ended your session. Enter your password to sign in again; your pages stay as they are, and bulk processing stopped by the gateway goes on after you sign in.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The gateway signed in another user. Log out and sign in again.</source>
        <translation>The gateway signed in another user. Log out and sign in again.</translation>
    </message>
</context>
<context>
    <name>kessai::LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Change certificate…</source>
        <translation>Change certificate…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Certificate: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Certificate: %2</translation>
    </message>
    <message>
        <source>Login ID:</source>
        <translation>Login ID:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Enter your login ID and password.</source>
        <translation>Enter your login ID and password.</translation>
    </message>
</context>
<context>
    <name>kessai::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Kessai</source>
        <translation>&amp;About Kessai</translation>
    </message>
    <message>
        <source>About Kessai</source>
        <translation>About Kessai</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kessai&lt;/b&gt; %1&lt;br&gt;Back-office console for merchants of the payment gateway.</source>
        <translation>&lt;b&gt;Kessai&lt;/b&gt; %1&lt;br&gt;Back-office console for merchants of the payment gateway.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>General user</source>
        <translation>General user</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 %4 — %5</source>
        <translation>%1 (%2) — %3 %4 — %5</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>No page</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <comment>menu of pages</comment>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Page &amp;list</source>
        <translation>Page &amp;list</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Certificate details…</source>
        <translation>&amp;Certificate details…</translation>
    </message>
    <message>
        <source>Change ce&amp;rtificate…</source>
        <translation>Change ce&amp;rtificate…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Without a valid certificate you cannot sign in. An administrator issues a new one under Administration → Users; File → Change certificate switches to it.</source>
        <translation>Without a valid certificate you cannot sign in. An administrator issues a new one under Administration → Users; File → Change certificate switches to it.</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>Your password has been changed; your other sessions have ended.</source>
        <translation>Your password has been changed; your other sessions have ended.</translation>
    </message>
</context>
<context>
    <name>kessai::MerchantClient</name>
    <message>
        <source>The gateway URL must start with https:// — nothing was sent.</source>
        <translation>The gateway URL must start with https:// — nothing was sent.</translation>
    </message>
</context>
<context>
    <name>kessai::MoneyEdit</name>
    <message>
        <source>Enter an amount from %1 to %2.</source>
        <translation>Enter an amount from %1 to %2.</translation>
    </message>
    <message>
        <source>Only whole yen in digits, such as 6300.</source>
        <translation>Only whole yen in digits, such as 6300.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <comment>amount limit</comment>
        <translation>At most %1.</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <comment>amount limit</comment>
        <translation>At least %1.</translation>
    </message>
</context>
<context>
    <name>kessai::PageList</name>
    <message>
        <source>Payment search</source>
        <translation>Payment search</translation>
    </message>
    <message>
        <source>Payments</source>
        <comment>page group: 決済</comment>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Settlement</source>
        <comment>page group: 精算</comment>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Administration</source>
        <comment>page group: 管理</comment>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Bulk processing</source>
        <translation>Bulk processing</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>New payment</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Statements</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>kessai::PagedExporter</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>Not connected to the gateway.</translation>
    </message>
    <message>
        <source>this format is not available</source>
        <translation>this format is not available</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentAction</name>
    <message>
        <source>This is not possible in the payment&apos;s current status. It may have been changed by someone else; reload it and check.</source>
        <translation>This is not possible in the payment&apos;s current status. It may have been changed by someone else; reload it and check.</translation>
    </message>
    <message>
        <source>The period for this has passed (60 days after the authorization or the capture).</source>
        <translation>The period for this has passed (60 days after the authorization or the capture).</translation>
    </message>
    <message>
        <source>The amount is larger than the authorized amount.</source>
        <translation>The amount is larger than the authorized amount.</translation>
    </message>
    <message>
        <source>The amount is not valid: it must be a whole number of yen from 1 to 9,999,999 and differ from the current amount.</source>
        <translation>The amount is not valid: it must be a whole number of yen from 1 to 9,999,999 and differ from the current amount.</translation>
    </message>
    <message>
        <source>The payment was not found.</source>
        <translation>The payment was not found.</translation>
    </message>
    <message>
        <source>The same payment appears twice in the request; only the first was processed.</source>
        <translation>The same payment appears twice in the request; only the first was processed.</translation>
    </message>
    <message>
        <source>The gateway is still processing this request. Wait a moment and retry.</source>
        <translation>The gateway is still processing this request. Wait a moment and retry.</translation>
    </message>
    <message>
        <source>The gateway refused the request because its key was already used for another request.</source>
        <translation>The gateway refused the request because its key was already used for another request.</translation>
    </message>
    <message>
        <source>The gateway refused this (%1).</source>
        <translation>The gateway refused this (%1).</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentActionDialog</name>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Capture</source>
        <comment>売上確定, dialog title</comment>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Capture this payment? The amount is charged to the card.</source>
        <translation>Capture this payment? The amount is charged to the card.</translation>
    </message>
    <message>
        <source>Authorized amount</source>
        <translation>Authorized amount</translation>
    </message>
    <message>
        <source>Capture &amp;amount</source>
        <translation>Capture &amp;amount</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <comment>confirm button: 売上確定</comment>
        <translation>&amp;Capture</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <comment>取消, dialog title</comment>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <source>Cancel the sale of this payment? The charge to the card is withdrawn.</source>
        <translation>Cancel the sale of this payment? The charge to the card is withdrawn.</translation>
    </message>
    <message>
        <source>Cancel the authorization of this payment?</source>
        <translation>Cancel the authorization of this payment?</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>A cancellation cannot be undone.</source>
        <translation>A cancellation cannot be undone.</translation>
    </message>
    <message>
        <source>Cancel &amp;payment</source>
        <comment>confirm button: 取り消す</comment>
        <translation>Cancel &amp;payment</translation>
    </message>
    <message>
        <source>Change amount</source>
        <comment>金額変更, dialog title</comment>
        <translation>Change amount</translation>
    </message>
    <message>
        <source>The gateway issues a new payment ID for the new amount; this payment becomes &quot;%1&quot;.</source>
        <translation>The gateway issues a new payment ID for the new amount; this payment becomes &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Current amount</source>
        <translation>Current amount</translation>
    </message>
    <message>
        <source>New &amp;amount</source>
        <translation>New &amp;amount</translation>
    </message>
    <message>
        <source>&amp;Change amount</source>
        <comment>confirm button: 金額を変更</comment>
        <translation>&amp;Change amount</translation>
    </message>
    <message>
        <source>The whole authorized amount, %1, is captured.</source>
        <translation>The whole authorized amount, %1, is captured.</translation>
    </message>
    <message>
        <source>Of %1 authorized, %2 is captured and the remaining %3 of the authorization is released.</source>
        <translation>Of %1 authorized, %2 is captured and the remaining %3 of the authorization is released.</translation>
    </message>
    <message>
        <source>Enter an amount different from the current one (up to %1).</source>
        <translation>Enter an amount different from the current one (up to %1).</translation>
    </message>
    <message>
        <source>From %1 to %2 (%3).</source>
        <translation>From %1 to %2 (%3).</translation>
    </message>
    <message>
        <source>&amp;Capture %1</source>
        <comment>confirm button: 売上確定</comment>
        <translation>&amp;Capture %1</translation>
    </message>
    <message>
        <source>&amp;Change to %1</source>
        <comment>confirm button: 金額を変更</comment>
        <translation>&amp;Change to %1</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentActionRunner</name>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>The gateway&apos;s answer could not be read.</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentCatalog</name>
    <message>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Authorization declined</source>
        <translation>Authorization declined</translation>
    </message>
    <message>
        <source>Payment deadline passed</source>
        <translation>Payment deadline passed</translation>
    </message>
    <message>
        <source>3-D Secure aborted</source>
        <translation>3-D Secure aborted</translation>
    </message>
    <message>
        <source>Application aborted</source>
        <translation>Application aborted</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Authorized</translation>
    </message>
    <message>
        <source>Authorization cancelled</source>
        <translation>Authorization cancelled</translation>
    </message>
    <message>
        <source>Authorization expired</source>
        <translation>Authorization expired</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>Cleared (cancel period over)</source>
        <translation>Cleared (cancel period over)</translation>
    </message>
    <message>
        <source>Preliminary payment notice</source>
        <translation>Preliminary payment notice</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Sale cancelled</translation>
    </message>
    <message>
        <source>Preliminary notice cancelled</source>
        <translation>Preliminary notice cancelled</translation>
    </message>
    <message>
        <source>ATM</source>
        <translation>ATM</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <source>Convenience store</source>
        <translation>Convenience store</translation>
    </message>
    <message>
        <source>Online banking</source>
        <translation>Online banking</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Captured</translation>
    </message>
    <message>
        <source>Captured (cancel period over)</source>
        <translation>Captured (cancel period over)</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentDetailDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Payment %1</source>
        <translation>Payment %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>Copy %1 to the clipboard</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>Trade time</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>Base payment ID</source>
        <translation>Base payment ID</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Customer (kana)</source>
        <translation>Customer (kana)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>No action is possible on this payment for you now.</source>
        <translation>No action is possible on this payment for you now.</translation>
    </message>
    <message>
        <source>Ca&amp;pture…</source>
        <comment>売上: opens the confirmation</comment>
        <translation>Ca&amp;pture…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel payment…</source>
        <comment>取消: opens the confirmation</comment>
        <translation>Ca&amp;ncel payment…</translation>
    </message>
    <message>
        <source>Change &amp;amount…</source>
        <comment>金額変更: opens the dialog</comment>
        <translation>Change &amp;amount…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <comment>send the same action again</comment>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>&amp;Show the new payment</source>
        <translation>&amp;Show the new payment</translation>
    </message>
    <message>
        <source>Capture the authorized amount or a part of it</source>
        <translation>Capture the authorized amount or a part of it</translation>
    </message>
    <message>
        <source>Cancel the authorization or the sale</source>
        <translation>Cancel the authorization or the sale</translation>
    </message>
    <message>
        <source>Change the amount; the gateway issues a new payment ID</source>
        <translation>Change the amount; the gateway issues a new payment ID</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Authorized amount</source>
        <translation>Authorized amount</translation>
    </message>
    <message>
        <source>Capturing…</source>
        <translation>Capturing…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Changing the amount…</source>
        <translation>Changing the amount…</translation>
    </message>
    <message>
        <source>%1
It is not known whether the gateway did it. Retry sends the same request again; the gateway carries it out only once. Discard gives up and shows the payment as the gateway has it.</source>
        <translation>%1
It is not known whether the gateway did it. Retry sends the same request again; the gateway carries it out only once. Discard gives up and shows the payment as the gateway has it.</translation>
    </message>
    <message>
        <source>The amount was changed to %1. New payment ID: %2. This payment is now &quot;%3&quot;.</source>
        <translation>The amount was changed to %1. New payment ID: %2. This payment is now &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Captured %1.</source>
        <translation>Captured %1.</translation>
    </message>
    <message>
        <source>Cancelled. The payment is now &quot;%1&quot;.</source>
        <translation>Cancelled. The payment is now &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Not captured: %1</source>
        <translation>Not captured: %1</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Not cancelled: %1</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <comment>give up the action whose outcome is unknown, without retrying</comment>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Give up this action without knowing its outcome and reload the payment</source>
        <translation>Give up this action without knowing its outcome and reload the payment</translation>
    </message>
    <message>
        <source>Discarded without knowing whether the gateway did it. Check the payment, reloaded from the gateway, before you act again.</source>
        <translation>Discarded without knowing whether the gateway did it. Check the payment, reloaded from the gateway, before you act again.</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <comment>message box title: the answer to an action was lost</comment>
        <translation>Outcome unknown</translation>
    </message>
    <message>
        <source>The gateway may already have captured this payment.</source>
        <translation>The gateway may already have captured this payment.</translation>
    </message>
    <message>
        <source>The gateway may already have cancelled this payment.</source>
        <translation>The gateway may already have cancelled this payment.</translation>
    </message>
    <message>
        <source>The gateway may already have changed the amount of this payment.</source>
        <translation>The gateway may already have changed the amount of this payment.</translation>
    </message>
    <message>
        <source>Discard the action instead of retrying it? The payment is then reloaded to show its current state; check it before you act again.</source>
        <translation>Discard the action instead of retrying it? The payment is then reloaded to show its current state; check it before you act again.</translation>
    </message>
    <message>
        <source>Close without retrying? The action can then no longer be retried. Open the payment again to see its current state before you act again.</source>
        <translation>Close without retrying? The action can then no longer be retried. Open the payment again to see its current state before you act again.</translation>
    </message>
    <message>
        <source>&amp;Close without retrying</source>
        <translation>&amp;Close without retrying</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>keep the action whose outcome is unknown, to retry it</comment>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Replaced by payment ID %1 after an amount change</source>
        <translation>Replaced by payment ID %1 after an amount change</translation>
    </message>
    <message>
        <source>Open payment %1</source>
        <translation>Open payment %1</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Replaced by</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentExportStream</name>
    <message>
        <source>The gateway&apos;s answer broke off before its end (%1).</source>
        <translation>The gateway&apos;s answer broke off before its end (%1).</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentExporter</name>
    <message>
        <source>The export was cancelled.</source>
        <translation>The export was cancelled.</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>Trade time</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Cleared time</source>
        <translation>Cleared time</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>Not connected to the gateway.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>this format is not available</source>
        <translation>this format is not available</translation>
    </message>
    <message>
        <source>You may not export payments: your user does not have the export permission. An administrator can grant it.</source>
        <translation>You may not export payments: your user does not have the export permission. An administrator can grant it.</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentsModel</name>
    <message>
        <source>Status %1: %2</source>
        <translation>Status %1: %2</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>Institution</source>
        <comment>card brand, store chain or bank</comment>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>payment status</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>Trade time</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Cleared</source>
        <comment>time the payment was cleared</comment>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Card last 4</source>
        <translation>Card last 4</translation>
    </message>
    <message>
        <source>Authorization expires</source>
        <comment>the time a card authorization lapses (オーソリ有効期限)</comment>
        <translation>Authorization expires</translation>
    </message>
</context>
<context>
    <name>kessai::PayoutChart</name>
    <message>
        <source>No statements to chart yet.</source>
        <translation>No statements to chart yet.</translation>
    </message>
    <message numerus="yes">
        <source>Last %n payouts (payout date): net by payment method, and sales</source>
        <translation>
            <numerusform>Last payout (payout date): net by payment method, and sales</numerusform>
            <numerusform>Last %n payouts (payout date): net by payment method, and sales</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Net: %1</source>
        <translation>Net: %1</translation>
    </message>
    <message>
        <source>Thousand yen</source>
        <translation>Thousand yen</translation>
    </message>
</context>
<context>
    <name>kessai::Reconcile</name>
    <message>
        <source>Cannot read the ledger file: %1</source>
        <translation>Cannot read the ledger file: %1</translation>
    </message>
    <message>
        <source>The ledger file is empty: it needs a header line and a line per order.</source>
        <translation>The ledger file is empty: it needs a header line and a line per order.</translation>
    </message>
    <message>
        <source>The chosen columns (取引ID: column %1, amount: column %2) do not fit this ledger&apos;s header, which has %3 columns.</source>
        <translation>The chosen columns (取引ID: column %1, amount: column %2) do not fit this ledger&apos;s header, which has %3 columns.</translation>
    </message>
    <message>
        <source>The header names no 取引ID column (取引ID, 注文番号, 受注番号, 受注コード, order_id or trading_id). Choose the column.</source>
        <translation>The header names no 取引ID column (取引ID, 注文番号, 受注番号, 受注コード, order_id or trading_id). Choose the column.</translation>
    </message>
    <message>
        <source>Columns %1 of the header could each be the 取引ID. Choose one.</source>
        <translation>Columns %1 of the header could each be the 取引ID. Choose one.</translation>
    </message>
    <message>
        <source>The header names no amount column (金額, 決済金額, 請求金額, 合計金額, amount or total). Choose the column.</source>
        <translation>The header names no amount column (金額, 決済金額, 請求金額, 合計金額, amount or total). Choose the column.</translation>
    </message>
    <message>
        <source>Columns %1 of the header could each be the amount. Choose one.</source>
        <translation>Columns %1 of the header could each be the amount. Choose one.</translation>
    </message>
    <message>
        <source>The 取引ID is blank.</source>
        <translation>The 取引ID is blank.</translation>
    </message>
    <message>
        <source>The amount is blank.</source>
        <translation>The amount is blank.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yen: a whole number such as 12345, 12,345, ¥12,345 or 12345円.</source>
        <translation>&quot;%1&quot; is not an amount in yen: a whole number such as 12345, 12,345, ¥12,345 or 12345円.</translation>
    </message>
    <message>
        <source>The ledger has a header but no orders.</source>
        <translation>The ledger has a header but no orders.</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>Amount differs</source>
        <translation>Amount differs</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>Not in ledger</source>
        <translation>Not in ledger</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <comment>reconciliation status</comment>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>reconciliation status column</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ledger amount</source>
        <translation>Ledger amount</translation>
    </message>
    <message>
        <source>Statement amount</source>
        <translation>Statement amount</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Ledger line</source>
        <translation>Ledger line</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>The reconciliation store was written by a newer version of Kessai (schema %1; this version reads up to %2).</source>
        <translation>The reconciliation store was written by a newer version of Kessai (schema %1; this version reads up to %2).</translation>
    </message>
    <message>
        <source>There is no such reconciliation workspace.</source>
        <translation>There is no such reconciliation workspace.</translation>
    </message>
    <message>
        <source>There is no such row in the reconciliation workspace.</source>
        <translation>There is no such row in the reconciliation workspace.</translation>
    </message>
    <message>
        <source>The column mapping is incomplete.</source>
        <translation>The column mapping is incomplete.</translation>
    </message>
</context>
<context>
    <name>kessai::ReconcileModel</name>
    <message>
        <source>%1 (sold and cancelled in full)</source>
        <translation>%1 (sold and cancelled in full)</translation>
    </message>
</context>
<context>
    <name>kessai::ReconcilePage</name>
    <message>
        <source>No ledger open.</source>
        <translation>No ledger open.</translation>
    </message>
    <message>
        <source>Open ledger…</source>
        <translation>Open ledger…</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Hide &amp;resolved rows</source>
        <translation>Hide &amp;resolved rows</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Export reconciliation report…</source>
        <translation>Export reconciliation report…</translation>
    </message>
    <message>
        <source>What to reconcile</source>
        <translation>What to reconcile</translation>
    </message>
    <message>
        <source>Order ledger:</source>
        <translation>Order ledger:</translation>
    </message>
    <message>
        <source>&amp;Statement:</source>
        <translation>&amp;Statement:</translation>
    </message>
    <message>
        <source>Saved &amp;work:</source>
        <translation>Saved &amp;work:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <source>Reconciliation rows</source>
        <translation>Reconciliation rows</translation>
    </message>
    <message>
        <source>Delete saved work</source>
        <translation>Delete saved work</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; with its notes and marks?</source>
        <translation>Delete &quot;%1&quot; with its notes and marks?</translation>
    </message>
    <message>
        <source>The note could not be saved: %1</source>
        <translation>The note could not be saved: %1</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 against %2</translation>
    </message>
    <message>
        <source>The reconciliation could not be saved: %1</source>
        <translation>The reconciliation could not be saved: %1</translation>
    </message>
    <message>
        <source>The reconciliation store could not be opened: %1</source>
        <translation>The reconciliation store could not be opened: %1</translation>
    </message>
    <message>
        <source>Payout %1 (%2) – %3 lines</source>
        <translation>Payout %1 (%2) – %3 lines</translation>
    </message>
    <message>
        <source>(choose saved work)</source>
        <translation>(choose saved work)</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 rows resolved</source>
        <translation>%1 — %2 of %3 rows resolved</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>Open ledger</translation>
    </message>
    <message>
        <source>The ledger %1 cannot be reconciled until these lines are fixed:</source>
        <translation>The ledger %1 cannot be reconciled until these lines are fixed:</translation>
    </message>
    <message>
        <source>%1 — %2 orders (columns: %3, %4)</source>
        <translation>%1 — %2 orders (columns: %3, %4)</translation>
    </message>
    <message>
        <source>Reading the statement…</source>
        <translation>Reading the statement…</translation>
    </message>
    <message>
        <source>Export reconciliation report</source>
        <translation>Export reconciliation report</translation>
    </message>
    <message>
        <source>The export failed. No file was written.</source>
        <translation>The export failed. No file was written.</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>status and count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 · matched %2 · %3 of %4 rows resolved</source>
        <translation>%1 · matched %2 · %3 of %4 rows resolved</translation>
    </message>
    <message>
        <source>Payments &amp;cleared from:</source>
        <translation>Payments &amp;cleared from:</translation>
    </message>
    <message>
        <source>to</source>
        <comment>cleared from … to …</comment>
        <translation>to</translation>
    </message>
    <message>
        <source>payments cleared %1–%2</source>
        <translation>payments cleared %1–%2</translation>
    </message>
    <message>
        <source>Enter the first and the last cleared date of the payments to reconcile against.</source>
        <translation>Enter the first and the last cleared date of the payments to reconcile against.</translation>
    </message>
    <message>
        <source>Reading the payments…</source>
        <translation>Reading the payments…</translation>
    </message>
</context>
<context>
    <name>kessai::Registration</name>
    <message>
        <source>The card&apos;s balance or credit limit is not enough (1G02). Ask the customer for another card or a smaller amount.</source>
        <translation>The card&apos;s balance or credit limit is not enough (1G02). Ask the customer for another card or a smaller amount.</translation>
    </message>
    <message>
        <source>The card cannot be used (1G12). Ask the customer to contact the card company, or to use another card.</source>
        <translation>The card cannot be used (1G12). Ask the customer to contact the card company, or to use another card.</translation>
    </message>
    <message>
        <source>The security code is wrong (1G44). Ask the customer for the code on the back of the card and try again.</source>
        <translation>The security code is wrong (1G44). Ask the customer for the code on the back of the card and try again.</translation>
    </message>
    <message>
        <source>The card company says the card has expired (1G83). Check the expiry date with the customer.</source>
        <translation>The card company says the card has expired (1G83). Check the expiry date with the customer.</translation>
    </message>
    <message>
        <source>The card was declined (%1). Ask the customer to contact the card company, or to use another card.</source>
        <translation>The card was declined (%1). Ask the customer to contact the card company, or to use another card.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>This is not a valid card number (check digit). Check it with the customer.</source>
        <translation>This is not a valid card number (check digit). Check it with the customer.</translation>
    </message>
    <message>
        <source>The gateway does not take this card brand.</source>
        <translation>The gateway does not take this card brand.</translation>
    </message>
    <message>
        <source>A card number has 14 to 19 digits.</source>
        <translation>A card number has 14 to 19 digits.</translation>
    </message>
    <message>
        <source>This card has expired.</source>
        <translation>This card has expired.</translation>
    </message>
    <message>
        <source>Month and year as MM/YY.</source>
        <translation>Month and year as MM/YY.</translation>
    </message>
    <message>
        <source>3 digits (4 for AMEX), on the back of the card.</source>
        <translation>3 digits (4 for AMEX), on the back of the card.</translation>
    </message>
    <message>
        <source>The name on the card in Latin letters, as printed.</source>
        <translation>The name on the card in Latin letters, as printed.</translation>
    </message>
    <message>
        <source>1 to 25 letters, digits or _.</source>
        <translation>1 to 25 letters, digits or _.</translation>
    </message>
    <message>
        <source>Out of range for this payment type.</source>
        <translation>Out of range for this payment type.</translation>
    </message>
    <message>
        <source>Full-width katakana.</source>
        <translation>Full-width katakana.</translation>
    </message>
    <message>
        <source>A Japanese phone number: 10 or 11 digits starting with 0.</source>
        <translation>A Japanese phone number: 10 or 11 digits starting with 0.</translation>
    </message>
    <message>
        <source>An e-mail address.</source>
        <translation>An e-mail address.</translation>
    </message>
    <message>
        <source>1 to 60 days.</source>
        <translation>1 to 60 days.</translation>
    </message>
    <message>
        <source>The customer&apos;s name</source>
        <translation>The customer&apos;s name</translation>
    </message>
    <message>
        <source>The e-mail address</source>
        <translation>The e-mail address</translation>
    </message>
    <message>
        <source>%1 must not hold a card number. Card numbers go in the card number field only.</source>
        <translation>%1 must not hold a card number. Card numbers go in the card number field only.</translation>
    </message>
</context>
<context>
    <name>kessai::RegistrationPage</name>
    <message>
        <source>7-Eleven</source>
        <translation>7-Eleven</translation>
    </message>
    <message>
        <source>Lawson</source>
        <translation>Lawson</translation>
    </message>
    <message>
        <source>FamilyMart</source>
        <translation>FamilyMart</translation>
    </message>
    <message>
        <source>Ministop</source>
        <translation>Ministop</translation>
    </message>
    <message>
        <source>Daily Yamazaki</source>
        <translation>Daily Yamazaki</translation>
    </message>
    <message>
        <source>Seicomart</source>
        <translation>Seicomart</translation>
    </message>
    <message>
        <source>MUFG Bank</source>
        <translation>MUFG Bank</translation>
    </message>
    <message>
        <source>SMBC</source>
        <translation>SMBC</translation>
    </message>
    <message>
        <source>Mizuho Bank</source>
        <translation>Mizuho Bank</translation>
    </message>
    <message>
        <source>Rakuten Bank</source>
        <translation>Rakuten Bank</translation>
    </message>
    <message>
        <source>Japan Post Bank</source>
        <translation>Japan Post Bank</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>&amp;Authorize only (仮売上)</source>
        <translation>&amp;Authorize only (仮売上)</translation>
    </message>
    <message>
        <source>Authorize and &amp;capture (即時売上)</source>
        <translation>Authorize and &amp;capture (即時売上)</translation>
    </message>
    <message>
        <source>Where and until when</source>
        <translation>Where and until when</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>&amp;Check and register…</source>
        <translation>&amp;Check and register…</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Send again</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <source>Convenience store</source>
        <translation>Convenience store</translation>
    </message>
    <message>
        <source>ATM (Pay-easy)</source>
        <translation>ATM (Pay-easy)</translation>
    </message>
    <message>
        <source>Online banking</source>
        <translation>Online banking</translation>
    </message>
    <message>
        <source>1–25 letters, digits or _</source>
        <translation>1–25 letters, digits or _</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>MM/YY</translation>
    </message>
    <message>
        <source>As printed on the card</source>
        <translation>As printed on the card</translation>
    </message>
    <message>
        <source>Lump sum (一括)</source>
        <translation>Lump sum (一括)</translation>
    </message>
    <message>
        <source>Installments (分割)</source>
        <translation>Installments (分割)</translation>
    </message>
    <message>
        <source>Bonus lump sum (ボーナス一括)</source>
        <translation>Bonus lump sum (ボーナス一括)</translation>
    </message>
    <message>
        <source>Revolving (リボ)</source>
        <translation>Revolving (リボ)</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>Security code</translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation>Card holder</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Payment class</source>
        <translation>Payment class</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Pay within</source>
        <translation>Pay within</translation>
    </message>
    <message>
        <source>Full-width katakana (converted as you type)</source>
        <translation>Full-width katakana (converted as you type)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>Name (kana)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>Trading ID (取引ID)</source>
        <translation>Trading ID (取引ID)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Send the same registration again under the same key: it is registered once</source>
        <translation>Send the same registration again under the same key: it is registered once</translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation>&amp;New registration</translation>
    </message>
    <message>
        <source>Customer (optional)</source>
        <translation>Customer (optional)</translation>
    </message>
    <message>
        <source>Unknown brand</source>
        <translation>Unknown brand</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s)</source>
        <translation>
            <numerusform>%n digit</numerusform>
            <numerusform>%n digits</numerusform>
        </translation>
    </message>
    <message>
        <source>Required: 1 to 25 letters, digits or _.</source>
        <translation>Required: 1 to 25 letters, digits or _.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>A card number has 14 to 19 digits.</source>
        <translation>A card number has 14 to 19 digits.</translation>
    </message>
    <message>
        <source>The gateway does not take this card brand.</source>
        <translation>The gateway does not take this card brand.</translation>
    </message>
    <message>
        <source>This is not a valid card number (check digit). Check it with the customer.</source>
        <translation>This is not a valid card number (check digit). Check it with the customer.</translation>
    </message>
    <message>
        <source>Month and year as MM/YY.</source>
        <translation>Month and year as MM/YY.</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s), on the back of the card.</source>
        <translation>
            <numerusform>%n digit, on the back of the card.</numerusform>
            <numerusform>%n digits, on the back of the card.</numerusform>
        </translation>
    </message>
    <message>
        <source>The name on the card in Latin letters, as printed.</source>
        <translation>The name on the card in Latin letters, as printed.</translation>
    </message>
    <message>
        <source>Full-width katakana.</source>
        <translation>Full-width katakana.</translation>
    </message>
    <message>
        <source>Required: the store asks for it.</source>
        <translation>Required: the store asks for it.</translation>
    </message>
    <message>
        <source>Payment type: %1</source>
        <translation>Payment type: %1</translation>
    </message>
    <message>
        <source>Trading ID: %1</source>
        <translation>Trading ID: %1</translation>
    </message>
    <message>
        <source>Amount: %1</source>
        <translation>Amount: %1</translation>
    </message>
    <message>
        <source>Card: %1 %2, expiry %3</source>
        <translation>Card: %1 %2, expiry %3</translation>
    </message>
    <message>
        <source>Payment class: %1</source>
        <translation>Payment class: %1</translation>
    </message>
    <message>
        <source>Authorize and capture with these details</source>
        <translation>Authorize and capture with these details</translation>
    </message>
    <message>
        <source>Authorize with these details</source>
        <translation>Authorize with these details</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <source>Bank: %1</source>
        <translation>Bank: %1</translation>
    </message>
    <message>
        <source>Pay by: %1</source>
        <translation>Pay by: %1</translation>
    </message>
    <message>
        <source>Customer: %1 (%2)</source>
        <translation>Customer: %1 (%2)</translation>
    </message>
    <message>
        <source>Register with these details</source>
        <translation>Register with these details</translation>
    </message>
    <message>
        <source>Confirm the registration</source>
        <translation>Confirm the registration</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>No answer from the gateway (%1). Send it again: under the same key it is registered once, however often it is sent.</source>
        <translation>No answer from the gateway (%1). Send it again: under the same key it is registered once, however often it is sent.</translation>
    </message>
    <message>
        <source>The gateway refused some fields; they are marked. The card number and security code were cleared: type them again.</source>
        <translation>The gateway refused some fields; they are marked. The card number and security code were cleared: type them again.</translation>
    </message>
    <message>
        <source>This trading ID is already used; choose another.</source>
        <translation>This trading ID is already used; choose another.</translation>
    </message>
    <message>
        <source>Already used by payment %1.</source>
        <translation>Already used by payment %1.</translation>
    </message>
</context>
<context>
    <name>kessai::RegistrationResultView</name>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Cop&amp;y</translation>
    </message>
    <message>
        <source>&amp;Open the payment</source>
        <translation>&amp;Open the payment</translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation>&amp;New registration</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Payment ID: %1   Trading ID: %2</source>
        <translation>Payment ID: %1   Trading ID: %2</translation>
    </message>
    <message>
        <source>Receipt number (受付番号) at %1, to pay by %2.</source>
        <translation>Receipt number (受付番号) at %1, to pay by %2.</translation>
    </message>
    <message>
        <source>Customer number (お客様番号) for Pay-easy, to pay by %1.</source>
        <translation>Customer number (お客様番号) for Pay-easy, to pay by %1.</translation>
    </message>
    <message>
        <source>%1, to pay by %2.</source>
        <translation>%1, to pay by %2.</translation>
    </message>
    <message>
        <source>Card %1 %2…%3</source>
        <translation>Card %1 %2…%3</translation>
    </message>
</context>
<context>
    <name>kessai::SearchConditions</name>
    <message>
        <source>Search conditions</source>
        <translation>Search conditions</translation>
    </message>
    <message>
        <source>What is this charge?…</source>
        <translation>What is this charge?…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>exact, or prefix*</source>
        <translation>exact, or prefix*</translation>
    </message>
    <message>
        <source>the whole ID (exact match)</source>
        <translation>the whole ID (exact match)</translation>
    </message>
    <message>
        <source>name, kana or phone</source>
        <translation>name, kana or phone</translation>
    </message>
    <message>
        <source>Find a payment from its date, amount and the card&apos;s last 4 digits</source>
        <translation>Find a payment from its date, amount and the card&apos;s last 4 digits</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <source>Trading ID:</source>
        <translation>Trading ID:</translation>
    </message>
    <message>
        <source>Payment ID:</source>
        <translation>Payment ID:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Payment type:</source>
        <translation>Payment type:</translation>
    </message>
    <message>
        <source>Card last 4:</source>
        <translation>Card last 4:</translation>
    </message>
    <message>
        <source>Trade date:</source>
        <translation>Trade date:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Due date:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>yen</source>
        <translation>yen</translation>
    </message>
    <message>
        <source>Cleared date:</source>
        <translation>Cleared date:</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <source>The amount range is reversed: the first amount must not be larger than the second.</source>
        <translation>The amount range is reversed: the first amount must not be larger than the second.</translation>
    </message>
    <message>
        <source>Enter all 4 last digits of the card.</source>
        <translation>Enter all 4 last digits of the card.</translation>
    </message>
    <message>
        <source>Authorized or captured %1 – %2</source>
        <translation>Authorized or captured %1 – %2</translation>
    </message>
    <message>
        <source>Back to my search</source>
        <translation>Back to my search</translation>
    </message>
    <message>
        <source>Card authorizations that lapse within this many days (0 = today): capture them before they expire. Empty: no such condition.</source>
        <translation>Card authorizations that lapse within this many days (0 = today): capture them before they expire. Empty: no such condition.</translation>
    </message>
    <message>
        <source>The conditions you had before “What is this charge?”, searched again</source>
        <translation>The conditions you had before “What is this charge?”, searched again</translation>
    </message>
    <message>
        <source>Authorization expires:</source>
        <translation>Authorization expires:</translation>
    </message>
    <message>
        <source>days or sooner</source>
        <comment>after &apos;Authorization expires: [N]&apos;</comment>
        <translation>days or sooner</translation>
    </message>
</context>
<context>
    <name>kessai::SearchPage</name>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>%1 shown (counting…)</source>
        <translation>%1 shown (counting…)</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>Check all</translation>
    </message>
    <message>
        <source>Uncheck all</source>
        <translation>Uncheck all</translation>
    </message>
    <message>
        <source>Check every payment that matches the search, not only the loaded rows</source>
        <translation>Check every payment that matches the search, not only the loaded rows</translation>
    </message>
    <message>
        <source>All matching payments checked (counting…)</source>
        <translation>All matching payments checked (counting…)</translation>
    </message>
    <message>
        <source>All %1 matching payments checked</source>
        <translation>All %1 matching payments checked</translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation>%1 checked</translation>
    </message>
    <message>
        <source>%1 of %2 matching payments checked</source>
        <translation>%1 of %2 matching payments checked</translation>
    </message>
    <message>
        <source>Exporting payments…</source>
        <translation>Exporting payments…</translation>
    </message>
    <message>
        <source>Save these conditions…</source>
        <translation>Save these conditions…</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Save search</translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation>Name of the search:</translation>
    </message>
    <message>
        <source>Replace the saved search &quot;%1&quot;?</source>
        <translation>Replace the saved search &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Refresh results</source>
        <translation>&amp;Refresh results</translation>
    </message>
    <message>
        <source>Read the shown payments again, keeping checks, selection and scroll position</source>
        <translation>Read the shown payments again, keeping checks, selection and scroll position</translation>
    </message>
    <message>
        <source>Search &amp;conditions</source>
        <translation>Search &amp;conditions</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Reset columns</translation>
    </message>
    <message numerus="yes">
        <source>%1 result(s), %2 shown</source>
        <translation>
            <numerusform>%1 result, %2 shown</numerusform>
            <numerusform>%1 results, %2 shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter</source>
        <comment>key</comment>
        <translation>Enter</translation>
    </message>
    <message>
        <source>In the search conditions: search; again on a single result: open it</source>
        <translation>In the search conditions: search; again on a single result: open it</translation>
    </message>
    <message>
        <source>Esc</source>
        <comment>key</comment>
        <translation>Esc</translation>
    </message>
    <message>
        <source>In a condition: clear that condition</source>
        <translation>In a condition: clear that condition</translation>
    </message>
    <message>
        <source>Down</source>
        <comment>key</comment>
        <translation>Down</translation>
    </message>
    <message>
        <source>From the search conditions to the results</source>
        <translation>From the search conditions to the results</translation>
    </message>
    <message>
        <source>F4, Alt+Down</source>
        <comment>key</comment>
        <translation>F4, Alt+Down</translation>
    </message>
    <message>
        <source>In a date: open the calendar</source>
        <translation>In a date: open the calendar</translation>
    </message>
    <message>
        <source>Space</source>
        <comment>key</comment>
        <translation>Space</translation>
    </message>
    <message>
        <source>In the results: check or uncheck the current payment</source>
        <translation>In the results: check or uncheck the current payment</translation>
    </message>
    <message>
        <source>In the results: open the current payment</source>
        <translation>In the results: open the current payment</translation>
    </message>
    <message>
        <source>The search conditions have changed: the results below are still those of the previous search (press Enter to search). Export and check all use the results shown.</source>
        <translation>The search conditions have changed: the results below are still those of the previous search (press Enter to search). Export and check all use the results shown.</translation>
    </message>
    <message>
        <source>Payment %1 no longer matches the search conditions; the next payment, %2, is selected.</source>
        <translation>Payment %1 no longer matches the search conditions; the next payment, %2, is selected.</translation>
    </message>
    <message>
        <source>%1
The results below are as the gateway had them at %2 (Japan time) and may be out of date.</source>
        <translation>%1
The results below are as the gateway had them at %2 (Japan time) and may be out of date.</translation>
    </message>
    <message numerus="yes">
        <source>%1 result(s), %2 in total, %3 shown</source>
        <translation>
            <numerusform>%1 result, %2 in total, %3 shown</numerusform>
            <numerusform>%1 results, %2 in total, %3 shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export every payment that matches the search to a CSV or Excel file</source>
        <translation>Export every payment that matches the search to a CSV or Excel file</translation>
    </message>
    <message>
        <source>Export payments</source>
        <translation>Export payments</translation>
    </message>
    <message>
        <source>Every payment that matches the current search is exported, not only the rows on screen. Card numbers are never exported.</source>
        <translation>Every payment that matches the current search is exported, not only the rows on screen. Card numbers are never exported.</translation>
    </message>
</context>
<context>
    <name>kessai::StatementDocument</name>
    <message>
        <source>Settlement statement</source>
        <translation>Settlement statement</translation>
    </message>
    <message>
        <source>Merchant ID: %1</source>
        <translation>Merchant ID: %1</translation>
    </message>
    <message>
        <source>Statement number</source>
        <translation>Statement number</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>statement period</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>Payout date</translation>
    </message>
    <message>
        <source>Payout amount</source>
        <translation>Payout amount</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>By payment method</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>Fee rate</translation>
    </message>
    <message>
        <source>Sales (count)</source>
        <translation>Sales (count)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Cancels (count)</source>
        <translation>Cancels (count)</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>Cancels</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Tax on fees</source>
        <translation>Tax on fees</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>No sales or cancels in this period.</source>
        <translation>No sales or cancels in this period.</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <source>Consumption tax on fees (10%)</source>
        <translation>Consumption tax on fees (10%)</translation>
    </message>
    <message>
        <source>Carried in from the previous statement</source>
        <translation>Carried in from the previous statement</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>Transfer fee</translation>
    </message>
    <message>
        <source>Carried over to the next statement</source>
        <translation>Carried over to the next statement</translation>
    </message>
    <message>
        <source>Nothing is paid out for this period: the balance is carried over to the next statement.</source>
        <translation>Nothing is paid out for this period: the balance is carried over to the next statement.</translation>
    </message>
    <message numerus="yes">
        <source>Consumption tax is rounded down once per statement. %Ln line(s). Closed %1 (Japan time).</source>
        <translation>
            <numerusform>Consumption tax is rounded down once per statement. %Ln line. Closed %1 (Japan time).</numerusform>
            <numerusform>Consumption tax is rounded down once per statement. %Ln lines. Closed %1 (Japan time).</numerusform>
        </translation>
    </message>
    <message>
        <source>Settlement statement %1</source>
        <translation>Settlement statement %1</translation>
    </message>
</context>
<context>
    <name>kessai::StatementExport</name>
    <message>
        <source>Period start</source>
        <translation>Period start</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>Payout date</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Payment type code</source>
        <translation>Payment type code</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>Fee rate</translation>
    </message>
    <message>
        <source>Fixed fee</source>
        <translation>Fixed fee</translation>
    </message>
    <message>
        <source>Sales (count)</source>
        <translation>Sales (count)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Cancels (count)</source>
        <translation>Cancels (count)</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>Cancels</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Tax on fees</source>
        <translation>Tax on fees</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Carried in from the previous statement</source>
        <translation>Carried in from the previous statement</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>Transfer fee</translation>
    </message>
    <message>
        <source>Carried over to the next statement</source>
        <translation>Carried over to the next statement</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <source>this format is not available</source>
        <translation>this format is not available</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Sale</source>
        <comment>statement line kind: 売上</comment>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>statement line kind: 取消</comment>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>kessai::StatementLinesModel</name>
    <message>
        <source>Sale</source>
        <comment>statement line kind: 売上</comment>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>statement line kind: 取消</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
</context>
<context>
    <name>kessai::StatementLinesReader</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>Not connected to the gateway.</translation>
    </message>
</context>
<context>
    <name>kessai::StatementMethodsModel</name>
    <message>
        <source>%1 + %2</source>
        <comment>fee rule: rate + fixed fee</comment>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>Fee rate</translation>
    </message>
    <message>
        <source>Sales (count)</source>
        <translation>Sales (count)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Cancels (count)</source>
        <translation>Cancels (count)</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>Cancels</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Tax on fees</source>
        <translation>Tax on fees</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
</context>
<context>
    <name>kessai::StatementsModel</name>
    <message>
        <source>%1 – %2</source>
        <comment>statement period: first day – closing day</comment>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln sales)</source>
        <translation>
            <numerusform>%1 (%Ln sale)</numerusform>
            <numerusform>%1 (%Ln sales)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln cancels)</source>
        <translation>
            <numerusform>%1 (%Ln cancel)</numerusform>
            <numerusform>%1 (%Ln cancels)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>carry-over: brought in → carried out</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Fees %1 + consumption tax %2</source>
        <translation>Fees %1 + consumption tax %2</translation>
    </message>
    <message>
        <source>Nothing paid out: the balance of %1 is carried over to the next statement.</source>
        <translation>Nothing paid out: the balance of %1 is carried over to the next statement.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>Payout date</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>Cancels</translation>
    </message>
    <message>
        <source>Fees and tax</source>
        <translation>Fees and tax</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>Transfer fee</translation>
    </message>
    <message>
        <source>Carry-over</source>
        <translation>Carry-over</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
</context>
<context>
    <name>kessai::StatementsPage</name>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Export statement…</source>
        <translation>Export statement…</translation>
    </message>
    <message>
        <source>Export lines…</source>
        <translation>Export lines…</translation>
    </message>
    <message>
        <source>Reload statements</source>
        <translation>Reload statements</translation>
    </message>
    <message>
        <source>Export statement lines…</source>
        <translation>Export statement lines…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Payout &amp;year:</source>
        <translation>Payout &amp;year:</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Statements</translation>
    </message>
    <message>
        <source>Breakdown by payment method</source>
        <translation>Breakdown by payment method</translation>
    </message>
    <message>
        <source>&amp;Breakdown</source>
        <translation>&amp;Breakdown</translation>
    </message>
    <message>
        <source>All payment methods</source>
        <translation>All payment methods</translation>
    </message>
    <message>
        <source>Sales and cancels</source>
        <translation>Sales and cancels</translation>
    </message>
    <message>
        <source>Statement lines</source>
        <translation>Statement lines</translation>
    </message>
    <message>
        <source>Double-click a line (or press Enter) to open its payment.</source>
        <translation>Double-click a line (or press Enter) to open its payment.</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>&amp;Lines</translation>
    </message>
    <message>
        <source>Up / Down in the list</source>
        <translation>Up / Down in the list</translation>
    </message>
    <message>
        <source>Show another statement</source>
        <translation>Show another statement</translation>
    </message>
    <message>
        <source>Enter on a line</source>
        <translation>Enter on a line</translation>
    </message>
    <message>
        <source>Open the line&apos;s payment</source>
        <translation>Open the line&apos;s payment</translation>
    </message>
    <message>
        <source>%1 · closing date %2 · payout date %3</source>
        <translation>%1 · closing date %2 · payout date %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>The gateway&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>Cancels</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Consumption tax on fees</source>
        <translation>Consumption tax on fees</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Carried in from the previous statement</source>
        <translation>Carried in from the previous statement</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>Transfer fee</translation>
    </message>
    <message>
        <source>Carried over to the next statement</source>
        <translation>Carried over to the next statement</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <source>The figures of this statement do not add up. Do not use it for accounting; report it to the payment company.</source>
        <translation>The figures of this statement do not add up. Do not use it for accounting; report it to the payment company.</translation>
    </message>
    <message>
        <source>%1 of %2 lines shown</source>
        <translation>%1 of %2 lines shown</translation>
    </message>
    <message>
        <source>Export statement</source>
        <translation>Export statement</translation>
    </message>
    <message>
        <source>The export failed. No file was written.</source>
        <translation>The export failed. No file was written.</translation>
    </message>
    <message>
        <source>Export statement lines</source>
        <translation>Export statement lines</translation>
    </message>
    <message>
        <source>Exporting statement lines…</source>
        <translation>Exporting statement lines…</translation>
    </message>
    <message>
        <source>One row per payment method, the totals and the payout.</source>
        <translation>One row per payment method, the totals and the payout.</translation>
    </message>
    <message>
        <source>Every line of the statement that the method and kind filters show, not only the rows on screen.</source>
        <translation>Every line of the statement that the method and kind filters show, not only the rows on screen.</translation>
    </message>
    <message>
        <source>Statement PDF…</source>
        <translation>Statement PDF…</translation>
    </message>
    <message>
        <source>Save the statement as PDF…</source>
        <translation>Save the statement as PDF…</translation>
    </message>
    <message>
        <source>Save the statement as PDF</source>
        <translation>Save the statement as PDF</translation>
    </message>
    <message>
        <source>The PDF could not be written. No file was written.</source>
        <translation>The PDF could not be written. No file was written.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Statement %1</source>
        <translation>Statement %1</translation>
    </message>
    <message>
        <source>Lines %1</source>
        <translation>Lines %1</translation>
    </message>
</context>
<context>
    <name>kessai::StatusFilter</name>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation>
            <numerusform>%n status</numerusform>
            <numerusform>%n statuses</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <extracomment>One chosen status: payment type, status code, status label (&quot;Card: 40 Captured&quot;)</extracomment>
        <translation>%1: %2 %3</translation>
    </message>
</context>
<context>
    <name>kessai::SupportLookupDialog</name>
    <message>
        <source>What is this charge?</source>
        <translation>What is this charge?</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Enter what the customer sees on the card statement.</source>
        <translation>Enter what the customer sees on the card statement.</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Amount (yen):</source>
        <translation>Amount (yen):</translation>
    </message>
    <message>
        <source>Card last 4:</source>
        <translation>Card last 4:</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Enter the amount in yen, for example 6,300.</source>
        <translation>Enter the amount in yen, for example 6,300.</translation>
    </message>
    <message>
        <source>Enter the last 4 digits of the card.</source>
        <translation>Enter the last 4 digits of the card.</translation>
    </message>
</context>
<context>
    <name>kessai::TableExportDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>CSV, UTF-8 with BOM (Excel)</source>
        <translation>CSV, UTF-8 with BOM (Excel)</translation>
    </message>
    <message>
        <source>CSV, Shift_JIS (Japanese accounting software)</source>
        <translation>CSV, Shift_JIS (Japanese accounting software)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 without BOM</source>
        <translation>CSV, UTF-8 without BOM</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Column names in &amp;English</source>
        <translation>Column names in &amp;English</translation>
    </message>
    <message>
        <source>For macros and imports that look for fixed column names, whatever the language the console is shown in.</source>
        <translation>For macros and imports that look for fixed column names, whatever the language the console is shown in.</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Columns:</translation>
    </message>
    <message>
        <source>Tick the columns the file has; their order here is their order in the file.</source>
        <translation>Tick the columns the file has; their order here is their order in the file.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Alt+Up in the list</source>
        <translation>Alt+Up in the list</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <source>Alt+Down in the list</source>
        <translation>Alt+Down in the list</translation>
    </message>
    <message>
        <source>&amp;All, as shipped</source>
        <translation>&amp;All, as shipped</translation>
    </message>
    <message>
        <source>Every column, in the default order.</source>
        <translation>Every column, in the default order.</translation>
    </message>
</context>
<context>
    <name>kessai::TableWriter</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>row %1, column %2: %3</source>
        <translation>row %1, column %2: %3</translation>
    </message>
    <message>
        <source>The workbook is already open.</source>
        <translation>The workbook is already open.</translation>
    </message>
    <message>
        <source>The workbook is not open.</source>
        <translation>The workbook is not open.</translation>
    </message>
    <message>
        <source>An Excel sheet holds at most %L1 rows; export as CSV instead.</source>
        <translation>An Excel sheet holds at most %L1 rows; export as CSV instead.</translation>
    </message>
</context>
<context>
    <name>kessai::UserAdmin</name>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>Logout</translation>
    </message>
    <message>
        <source>Payment viewed</source>
        <translation>Payment viewed</translation>
    </message>
    <message>
        <source>Payments exported</source>
        <translation>Payments exported</translation>
    </message>
    <message>
        <source>Capture (売上)</source>
        <translation>Capture (売上)</translation>
    </message>
    <message>
        <source>Cancel (取消)</source>
        <translation>Cancel (取消)</translation>
    </message>
    <message>
        <source>Change amount (金額変更)</source>
        <translation>Change amount (金額変更)</translation>
    </message>
    <message>
        <source>Payment registered</source>
        <translation>Payment registered</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>User created</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>User changed</translation>
    </message>
    <message>
        <source>User unlocked</source>
        <translation>User unlocked</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Certificate issued</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>Certificate revoked</translation>
    </message>
    <message>
        <source>User list</source>
        <translation>User list</translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation>Audit log read</translation>
    </message>
    <message>
        <source>Statements listed</source>
        <translation>Statements listed</translation>
    </message>
    <message>
        <source>Statement viewed</source>
        <translation>Statement viewed</translation>
    </message>
    <message>
        <source>Sandbox clock moved</source>
        <translation>Sandbox clock moved</translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation>View: %1</translation>
    </message>
    <message>
        <source>Sees %1 payments in searches, details and exports.</source>
        <translation>Sees %1 payments in searches, details and exports.</translation>
    </message>
    <message>
        <source>Confirms the sale of authorized card payments, one by one or in bulk.</source>
        <translation>Confirms the sale of authorized card payments, one by one or in bulk.</translation>
    </message>
    <message>
        <source>Cancels authorizations and sales, one by one or in bulk.</source>
        <translation>Cancels authorizations and sales, one by one or in bulk.</translation>
    </message>
    <message>
        <source>Changes the amount of a card payment.</source>
        <translation>Changes the amount of a card payment.</translation>
    </message>
    <message>
        <source>Register payments</source>
        <translation>Register payments</translation>
    </message>
    <message>
        <source>Registers card, コンビニ, ATM and 銀行ネット payments by hand.</source>
        <translation>Registers card, コンビニ, ATM and 銀行ネット payments by hand.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Writes search results to files (CSV, Excel).</source>
        <translation>Writes search results to files (CSV, Excel).</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Statements</translation>
    </message>
    <message>
        <source>Reads settlement statements (支払明細), exports them and reconciles them (消込).</source>
        <translation>Reads settlement statements (支払明細), exports them and reconciles them (消込).</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <source>Adds and changes users, issues and revokes certificates, reads the audit log — never beyond the rights they hold themselves.</source>
        <translation>Adds and changes users, issues and revokes certificates, reads the audit log — never beyond the rights they hold themselves.</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
</context>
<context>
    <name>kessai::UserEditorDialog</name>
    <message>
        <source>Edit user %1</source>
        <translation>Edit user %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>3–32 letters, digits, _ . -</source>
        <translation>3–32 letters, digits, _ . -</translation>
    </message>
    <message>
        <source>&amp;Login ID:</source>
        <translation>&amp;Login ID:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Initial &amp;password:</translation>
    </message>
    <message>
        <source>At least 12 characters with letters and digits. Shown once: hand it to the user yourself, separately from the certificate&apos;s passphrase.</source>
        <translation>At least 12 characters with letters and digits. Shown once: hand it to the user yourself, separately from the certificate&apos;s passphrase.</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Rights</translation>
    </message>
    <message>
        <source>You do not hold this right yourself, so you cannot give it.</source>
        <translation>You do not hold this right yourself, so you cannot give it.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Create user</translation>
    </message>
    <message>
        <source>Only an administrator can give the administrator role.</source>
        <translation>Only an administrator can give the administrator role.</translation>
    </message>
    <message>
        <source>The login ID needs 3–32 letters, digits, _ . or -.</source>
        <translation>The login ID needs 3–32 letters, digits, _ . or -.</translation>
    </message>
    <message>
        <source>&quot;system&quot; is the gateway&apos;s own name and cannot be a user.</source>
        <translation>&quot;system&quot; is the gateway&apos;s own name and cannot be a user.</translation>
    </message>
    <message>
        <source>Enter the user&apos;s name.</source>
        <translation>Enter the user&apos;s name.</translation>
    </message>
    <message>
        <source>The initial password needs at least 12 characters with letters and digits.</source>
        <translation>The initial password needs at least 12 characters with letters and digits.</translation>
    </message>
    <message>
        <source>You cannot take user management away from yourself: nobody could undo it.</source>
        <translation>You cannot take user management away from yourself: nobody could undo it.</translation>
    </message>
    <message>
        <source>The name must not hold a card number.</source>
        <translation>The name must not hold a card number.</translation>
    </message>
</context>
<context>
    <name>kessai::UsersModel</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>No certificate: cannot log in</source>
        <translation>No certificate: cannot log in</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1… (revoked)</source>
        <translation>%1… (revoked)</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256 fingerprint: %1</translation>
    </message>
    <message>
        <source>Login ID</source>
        <translation>Login ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Certificate expires</source>
        <translation>Certificate expires</translation>
    </message>
    <message>
        <source>Active; password reset, to be changed at next login</source>
        <translation>Active; password reset, to be changed at next login</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
</context>
<context>
    <name>kessai::UsersPage</name>
    <message>
        <source>%1 exists already; choose another name.</source>
        <translation>%1 exists already; choose another name.</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;New user…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Issue certificate…</source>
        <translation>&amp;Issue certificate…</translation>
    </message>
    <message>
        <source>&amp;Revoke certificate…</source>
        <translation>&amp;Revoke certificate…</translation>
    </message>
    <message>
        <source>Reload users</source>
        <translation>Reload users</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>Filter by login ID or name</source>
        <translation>Filter by login ID or name</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>The gateway&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>Only an administrator can change an administrator&apos;s account.</source>
        <translation>Only an administrator can change an administrator&apos;s account.</translation>
    </message>
    <message>
        <source>%1 holds rights you do not hold yourself, so only an administrator can change the account.</source>
        <translation>%1 holds rights you do not hold yourself, so only an administrator can change the account.</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>User %1 created. Issue a certificate so that the user can log in.</source>
        <translation>User %1 created. Issue a certificate so that the user can log in.</translation>
    </message>
    <message>
        <source>User %1 saved.</source>
        <translation>User %1 saved.</translation>
    </message>
    <message>
        <source>User %1 unlocked.</source>
        <translation>User %1 unlocked.</translation>
    </message>
    <message>
        <source>The certificate of %1 is revoked: its next connection is refused.</source>
        <translation>The certificate of %1 is revoked: its next connection is refused.</translation>
    </message>
    <message>
        <source>The certificate was issued but could not be saved (%1). Issue it again.</source>
        <translation>The certificate was issued but could not be saved (%1). Issue it again.</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>unreadable answer</translation>
    </message>
    <message>
        <source>Certificate for %1 saved to %2.</source>
        <translation>Certificate for %1 saved to %2.</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Certificate issued</translation>
    </message>
    <message>
        <source>The certificate of %1 is saved to:
%2

Its passphrase is shown only now. Give the file and the passphrase to the user by different channels (for example the file by e-mail, the passphrase by phone).</source>
        <translation>The certificate of %1 is saved to:
%2

Its passphrase is shown only now. Give the file and the passphrase to the user by different channels (for example the file by e-mail, the passphrase by phone).</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Initial password of %1 (shown only now):

%2

The user cannot log in until you issue a certificate.</source>
        <translation>Initial password of %1 (shown only now):

%2

The user cannot log in until you issue a certificate.</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>Disable %1 (%2)? Their sessions end at once and they cannot log in until enabled again.</source>
        <translation>Disable %1 (%2)? Their sessions end at once and they cannot log in until enabled again.</translation>
    </message>
    <message>
        <source>Issue certificate</source>
        <translation>Issue certificate</translation>
    </message>
    <message>
        <source>%1 has a certificate. Issuing a new one revokes it and ends its sessions. Go on?</source>
        <translation>%1 has a certificate. Issuing a new one revokes it and ends its sessions. Go on?</translation>
    </message>
    <message>
        <source>Save the certificate of %1</source>
        <translation>Save the certificate of %1</translation>
    </message>
    <message>
        <source>PKCS#12 certificate (*.p12)</source>
        <translation>PKCS#12 certificate (*.p12)</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <source>Revoke the certificate of %1 (%2)? They cannot connect until a new one is issued.</source>
        <translation>Revoke the certificate of %1 (%2)? They cannot connect until a new one is issued.</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <source>You cannot disable yourself or revoke your own certificate: nobody could undo it. Change your own password with File → Change password.</source>
        <translation>You cannot disable yourself or revoke your own certificate: nobody could undo it. Change your own password with File → Change password.</translation>
    </message>
    <message>
        <source>The password of %1 was reset but the gateway&apos;s answer could not be read. Reset it again.</source>
        <translation>The password of %1 was reset but the gateway&apos;s answer could not be read. Reset it again.</translation>
    </message>
    <message>
        <source>The password of %1 is reset; they choose a new one at their next login.</source>
        <translation>The password of %1 is reset; they choose a new one at their next login.</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>The new password of %1 is shown only now. Give it to the user by a channel other than the certificate&apos;s (for example by phone). At their next login they must choose their own.</source>
        <translation>The new password of %1 is shown only now. Give it to the user by a channel other than the certificate&apos;s (for example by phone). At their next login they must choose their own.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Reset the password of %1 (%2)? Their sessions end at once, the gateway makes a new password that is shown to you once, and they must change it at their next login.</source>
        <translation>Reset the password of %1 (%2)? Their sessions end at once, the gateway makes a new password that is shown to you once, and they must change it at their next login.</translation>
    </message>
</context>
<context>
    <name>kessaictl</name>
    <message>
        <source>No profile named &quot;%1&quot;. Known profiles: %2</source>
        <translation>No profile named &quot;%1&quot;. Known profiles: %2</translation>
    </message>
    <message>
        <source>No gateway or certificate: use --profile NAME or set KESSAI_URL, KESSAI_CA and KESSAI_P12.</source>
        <translation>No gateway or certificate: use --profile NAME or set KESSAI_URL, KESSAI_CA and KESSAI_P12.</translation>
    </message>
    <message>
        <source>Certificate passphrase: </source>
        <translation>Certificate passphrase: </translation>
    </message>
    <message>
        <source>Login ID: </source>
        <translation>Login ID: </translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Password for %1: </translation>
    </message>
    <message>
        <source>No login ID or password: set KESSAI_LOGIN_ID and KESSAI_PASSWORD, or run in a terminal.</source>
        <translation>No login ID or password: set KESSAI_LOGIN_ID and KESSAI_PASSWORD, or run in a terminal.</translation>
    </message>
    <message>
        <source>unknown status code: %1</source>
        <translation>unknown status code: %1</translation>
    </message>
    <message>
        <source>unknown payment type: %1</source>
        <translation>unknown payment type: %1</translation>
    </message>
    <message>
        <source>--limit takes a positive number</source>
        <translation>--limit takes a positive number</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>Trading ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Payment ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>Trade time</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>%1 of %2 payments</source>
        <translation>%1 of %2 payments</translation>
    </message>
    <message>
        <source>Profile saved by the console.</source>
        <translation>Profile saved by the console.</translation>
    </message>
    <message>
        <source>Trading ID (exact, or prefix*).</source>
        <translation>Trading ID (exact, or prefix*).</translation>
    </message>
    <message>
        <source>Status codes, comma separated (20,40).</source>
        <translation>Status codes, comma separated (20,40).</translation>
    </message>
    <message>
        <source>Payment types, comma separated (02,03).</source>
        <translation>Payment types, comma separated (02,03).</translation>
    </message>
    <message>
        <source>How many payments at most (default 100).</source>
        <translation>How many payments at most (default 100).</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Print JSON instead of a table.</translation>
    </message>
    <message>
        <source>No profile named &quot;%1&quot;, and no profiles are saved yet.</source>
        <translation>No profile named &quot;%1&quot;, and no profiles are saved yet.</translation>
    </message>
    <message>
        <source>The gateway URL must start with https:// (got %1).</source>
        <translation>The gateway URL must start with https:// (got %1).</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>capture</source>
        <translation>capture</translation>
    </message>
    <message>
        <source>Cannot open the journal in %1: %2</source>
        <translation>Cannot open the journal in %1: %2</translation>
    </message>
    <message>
        <source>%1 may not %2 payments (no &quot;%3&quot; permission); nothing was sent.</source>
        <translation>%1 may not %2 payments (no &quot;%3&quot; permission); nothing was sent.</translation>
    </message>
    <message>
        <source>Batch %1 is not in the journal.</source>
        <translation>Batch %1 is not in the journal.</translation>
    </message>
    <message>
        <source>%1 %2 of %3 payments, %4 elapsed%5</source>
        <translation>%1 %2 of %3 payments, %4 elapsed%5</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>, about %1 left</translation>
    </message>
    <message>
        <source>The journal cannot be read: %1</source>
        <translation>The journal cannot be read: %1</translation>
    </message>
    <message>
        <source>Batch %1 (%2 of %3 payments): %4 succeeded, %5 failed, %6 skipped.</source>
        <translation>Batch %1 (%2 of %3 payments): %4 succeeded, %5 failed, %6 skipped.</translation>
    </message>
    <message>
        <source>Interrupted: %1 Run the same command again, or kessaictl resume %2, to finish the batch; nothing will be done twice.</source>
        <translation>Interrupted: %1 Run the same command again, or kessaictl resume %2, to finish the batch; nothing will be done twice.</translation>
    </message>
    <message>
        <source>Stopped; kessaictl resume %1 finishes the batch.</source>
        <translation>Stopped; kessaictl resume %1 finishes the batch.</translation>
    </message>
    <message>
        <source>The journal could not be written (%1); nothing more was sent. kessaictl resume %2 goes on once it can be.</source>
        <translation>The journal could not be written (%1); nothing more was sent. kessaictl resume %2 goes on once it can be.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) in %1; nothing was sent.</source>
        <translation>
            <numerusform>%n error in %1; nothing was sent.</numerusform>
            <numerusform>%n errors in %1; nothing was sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finishing batch %1, made from this file on %2 (%3 of %4 payments answered).</source>
        <translation>Finishing batch %1, made from this file on %2 (%3 of %4 payments answered).</translation>
    </message>
    <message>
        <source>This file already ran as batch %1 on %2 (%3 succeeded, %4 failed); nothing was sent. Use --again to run it once more.</source>
        <translation>This file already ran as batch %1 on %2 (%3 succeeded, %4 failed); nothing was sent. Use --again to run it once more.</translation>
    </message>
    <message numerus="yes">
        <source>Note: %n other unfinished batch(es) of %1 in the journal; kessaictl resume finishes them.</source>
        <translation>
            <numerusform>Note: %n other unfinished batch of %1 in the journal; kessaictl resume finishes it.</numerusform>
            <numerusform>Note: %n other unfinished batches of %1 in the journal; kessaictl resume finishes them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up 取引ID: %1 of %2</source>
        <translation>Looking up 取引ID: %1 of %2</translation>
    </message>
    <message>
        <source>Cannot write the journal: %1; nothing was sent.</source>
        <translation>Cannot write the journal: %1; nothing was sent.</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>unfinished (%1 of %2 chunks answered)</source>
        <translation>unfinished (%1 of %2 chunks answered)</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished batch(es)</source>
        <translation>
            <numerusform>%n unfinished batch</numerusform>
            <numerusform>%n unfinished batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n batch</numerusform>
            <numerusform>%n batches</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1 is not an unfinished batch of %2 in this journal.</source>
        <translation>Batch %1 is not an unfinished batch of %2 in this journal.</translation>
    </message>
    <message>
        <source>Nothing to resume: no unfinished batch of %1.</source>
        <translation>Nothing to resume: no unfinished batch of %1.</translation>
    </message>
    <message>
        <source>Resuming batch %1 (%2, %3).</source>
        <translation>Resuming batch %1 (%2, %3).</translation>
    </message>
    <message>
        <source>usage: kessaictl %1 --file FILE [--journal DIR] [--again]</source>
        <translation>usage: kessaictl %1 --file FILE [--journal DIR] [--again]</translation>
    </message>
    <message>
        <source>--file and --again belong to kessaictl capture and kessaictl cancel</source>
        <translation>--file and --again belong to kessaictl capture and kessaictl cancel</translation>
    </message>
    <message>
        <source>--chunk-size takes a number from 1 to 1000</source>
        <translation>--chunk-size takes a number from 1 to 1000</translation>
    </message>
    <message>
        <source>usage: kessaictl batches [--unfinished] [--journal DIR]</source>
        <translation>usage: kessaictl batches [--unfinished] [--journal DIR]</translation>
    </message>
    <message>
        <source>usage: kessaictl resume [BATCH] [--journal DIR]</source>
        <translation>usage: kessaictl resume [BATCH] [--journal DIR]</translation>
    </message>
    <message>
        <source>CSV file of payments to capture or cancel.</source>
        <translation>CSV file of payments to capture or cancel.</translation>
    </message>
    <message>
        <source>Folder of the bulk journal (default %1).</source>
        <translation>Folder of the bulk journal (default %1).</translation>
    </message>
    <message>
        <source>Only batches not finished yet.</source>
        <translation>Only batches not finished yet.</translation>
    </message>
    <message>
        <source>Run a file whose batch already finished once more.</source>
        <translation>Run a file whose batch already finished once more.</translation>
    </message>
    <message>
        <source>Payments per request, 1 to 1000 (default 1000).</source>
        <translation>Payments per request, 1 to 1000 (default 1000).</translation>
    </message>
    <message>
        <source>unknown command; try: kessaictl --help</source>
        <translation>unknown command; try: kessaictl --help</translation>
    </message>
    <message>
        <source>Statements paid out in this year.</source>
        <translation>Statements paid out in this year.</translation>
    </message>
    <message>
        <source>The statement&apos;s ID (see statements list).</source>
        <translation>The statement&apos;s ID (see statements list).</translation>
    </message>
    <message>
        <source>Export the statement&apos;s lines instead of its summary.</source>
        <translation>Export the statement&apos;s lines instead of its summary.</translation>
    </message>
    <message>
        <source>CSV encoding: utf8-bom (default), utf8 or cp932.</source>
        <translation>CSV encoding: utf8-bom (default), utf8 or cp932.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>The file to write.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>Payout date</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>Cancels</translation>
    </message>
    <message>
        <source>Fees and tax</source>
        <translation>Fees and tax</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>Transfer fee</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <source>%1 statements</source>
        <translation>%1 statements</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 rows written to %2</translation>
    </message>
    <message>
        <source>the gateway&apos;s answer is not a statement</source>
        <translation>the gateway&apos;s answer is not a statement</translation>
    </message>
    <message>
        <source>--year takes a year such as 2026</source>
        <translation>--year takes a year such as 2026</translation>
    </message>
    <message>
        <source>--format takes csv or xlsx</source>
        <translation>--format takes csv or xlsx</translation>
    </message>
    <message>
        <source>--encoding takes utf8-bom, utf8 or cp932</source>
        <translation>--encoding takes utf8-bom, utf8 or cp932</translation>
    </message>
    <message>
        <source>this kessaictl cannot write .xlsx files</source>
        <translation>this kessaictl cannot write .xlsx files</translation>
    </message>
    <message>
        <source>The order ledger to reconcile (CSV).</source>
        <translation>The order ledger to reconcile (CSV).</translation>
    </message>
    <message>
        <source>The statement to reconcile against.</source>
        <translation>The statement to reconcile against.</translation>
    </message>
    <message>
        <source>%1: the header does not name the trading ID and amount columns (取引ID/注文番号/order_id, 金額/合計金額/amount); rename them, or reconcile once in the console to choose them</source>
        <translation>%1: the header does not name the trading ID and amount columns (取引ID/注文番号/order_id, 金額/合計金額/amount); rename them, or reconcile once in the console to choose them</translation>
    </message>
    <message>
        <source>First cleared date (Japan time) to reconcile against.</source>
        <translation>First cleared date (Japan time) to reconcile against.</translation>
    </message>
    <message>
        <source>Last cleared date (Japan time) to reconcile against.</source>
        <translation>Last cleared date (Japan time) to reconcile against.</translation>
    </message>
    <message>
        <source>usage: kessaictl reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE</source>
        <translation>usage: kessaictl reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE</translation>
    </message>
    <message>
        <source>Column names in English whatever the language.</source>
        <translation>Column names in English whatever the language.</translation>
    </message>
    <message>
        <source>--limit and --json belong to payments list; payments export writes every payment</source>
        <translation>--limit and --json belong to payments list; payments export writes every payment</translation>
    </message>
    <message>
        <source>csv, xlsx, or pdf for a statement (default: from --out&apos;s extension).</source>
        <translation>csv, xlsx, or pdf for a statement (default: from --out&apos;s extension).</translation>
    </message>
    <message>
        <source>payments export writes csv or xlsx; a PDF is made of a statement (statement export)</source>
        <translation>payments export writes csv or xlsx; a PDF is made of a statement (statement export)</translation>
    </message>
    <message>
        <source>%1: the PDF could not be written (%2); no file was written</source>
        <translation>%1: the PDF could not be written (%2); no file was written</translation>
    </message>
    <message>
        <source>statement %1 written to %2</source>
        <translation>statement %1 written to %2</translation>
    </message>
    <message>
        <source>the PDF is the statement itself; export its --lines as csv or xlsx</source>
        <translation>the PDF is the statement itself; export its --lines as csv or xlsx</translation>
    </message>
    <message>
        <source>--encoding belongs to CSV files, not to the PDF</source>
        <translation>--encoding belongs to CSV files, not to the PDF</translation>
    </message>
    <message>
        <source>--columns: no column &quot;%1&quot;; the columns are: %2</source>
        <translation>--columns: no column &quot;%1&quot;; the columns are: %2</translation>
    </message>
    <message>
        <source>--columns: the column &quot;%1&quot; is named twice</source>
        <translation>--columns: the column &quot;%1&quot; is named twice</translation>
    </message>
    <message>
        <source>--columns needs at least one column</source>
        <translation>--columns needs at least one column</translation>
    </message>
    <message>
        <source>Kessai on the command line.

Commands:
  payments list          search payments
  payments export [--format csv|xlsx]
                  [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE
                         every payment of the search (the filters of
                         payments list) as a file
  capture --file FILE    売上 every payment of a CSV file
  cancel --file FILE     取消 every payment of a CSV file
  batches [--unfinished] the bulk runs in the journal
  resume [BATCH]         finish unfinished bulk runs
  statements list [--year Y]
                         the settlement statements (支払明細)
  statement export --id ID [--lines] [--format csv|xlsx|pdf]
                   [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE
                         one statement, or its lines, as a file;
                         pdf: the statement as the console prints it
  reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE
                         消込: the order ledger against a statement, or
                         against the payments cleared in a date range;
                         exit 0 when everything matched, 1 when not

Connection: --profile NAME, or KESSAI_URL, KESSAI_CA, KESSAI_P12, KESSAI_P12_PASSPHRASE, KESSAI_LOGIN_ID, KESSAI_PASSWORD.
Exit codes: 0 done, 1 some items failed, 2 usage or file errors, 3 connection/TLS, 4 authentication/permission.</source>
        <translation>Kessai on the command line.

Commands:
  payments list          search payments
  payments export [--format csv|xlsx]
                  [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE
                         every payment of the search (the filters of
                         payments list) as a file
  capture --file FILE    売上 every payment of a CSV file
  cancel --file FILE     取消 every payment of a CSV file
  batches [--unfinished] the bulk runs in the journal
  resume [BATCH]         finish unfinished bulk runs
  statements list [--year Y]
                         the settlement statements (支払明細)
  statement export --id ID [--lines] [--format csv|xlsx|pdf]
                   [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE
                         one statement, or its lines, as a file;
                         pdf: the statement as the console prints it
  reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE
                         消込: the order ledger against a statement, or
                         against the payments cleared in a date range;
                         exit 0 when everything matched, 1 when not

Connection: --profile NAME, or KESSAI_URL, KESSAI_CA, KESSAI_P12, KESSAI_P12_PASSPHRASE, KESSAI_LOGIN_ID, KESSAI_PASSWORD.
Exit codes: 0 done, 1 some items failed, 2 usage or file errors, 3 connection/TLS, 4 authentication/permission.</translation>
    </message>
    <message>
        <source>The file&apos;s columns in this order: numbers or names, comma separated (trading_id,amount or 1,9).</source>
        <translation>The file&apos;s columns in this order: numbers or names, comma separated (trading_id,amount or 1,9).</translation>
    </message>
    <message>
        <source>usage: kessaictl payments export [--trading-id ID] [--status CODES] [--type CODES] [--format csv|xlsx] [--encoding utf8-bom|utf8|cp932] [--columns LIST] [--english-header] --out FILE</source>
        <translation>usage: kessaictl payments export [--trading-id ID] [--status CODES] [--type CODES] [--format csv|xlsx] [--encoding utf8-bom|utf8|cp932] [--columns LIST] [--english-header] --out FILE</translation>
    </message>
    <message>
        <source>--columns and --english-header belong to the exports</source>
        <translation>--columns and --english-header belong to the exports</translation>
    </message>
    <message>
        <source>usage: kessaictl statement export --id ID [--lines] [--format csv|xlsx|pdf] [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE</source>
        <translation>usage: kessaictl statement export --id ID [--lines] [--format csv|xlsx|pdf] [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE</translation>
    </message>
    <message>
        <source>--columns and --english-header belong to csv and xlsx files, not to the PDF</source>
        <translation>--columns and --english-header belong to csv and xlsx files, not to the PDF</translation>
    </message>
    <message>
        <source>%1: a PDF needs the format given as --format pdf or a .pdf file name</source>
        <translation>%1: a PDF needs the format given as --format pdf or a .pdf file name</translation>
    </message>
</context>
</TS>
