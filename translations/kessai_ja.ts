<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>kessai::ApiError</name>
    <message>
        <source>%1 (request ID %2)</source>
        <translation>%1（リクエストID：%2）</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
</context>
<context>
    <name>kessai::ApiReply</name>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>安全な接続（TLS）を確立できませんでした：%1</translation>
    </message>
    <message>
        <source>The gateway refused the connection. Is it running at this address?</source>
        <translation>ゲートウェイに接続を拒否されました。このアドレスでゲートウェイが稼働しているかご確認ください。</translation>
    </message>
    <message>
        <source>The gateway&apos;s host name was not found.</source>
        <translation>ゲートウェイのホスト名が見つかりません。</translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation>ゲートウェイからの応答がタイムアウトしました。</translation>
    </message>
    <message>
        <source>Cannot reach the gateway: %1</source>
        <translation>ゲートウェイに接続できません：%1</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>ゲートウェイからの応答を読み取れませんでした。</translation>
    </message>
    <message>
        <source>The login ID or password is wrong.</source>
        <translation>ログインIDまたはパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>This certificate belongs to another user. Log in with the ID the certificate was issued for.</source>
        <translation>このクライアント証明書は別のユーザーに発行されたものです。証明書の発行先のログインIDでログインしてください。</translation>
    </message>
    <message>
        <source>The account is locked after too many failed logins. Try again in 30 minutes or ask an administrator to unlock it.</source>
        <translation>ログインに続けて失敗したため、アカウントがロックされています。30分後に再度お試しいただくか、管理者にロック解除を依頼してください。</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>セッションの有効期限が切れました。再度ログインしてください。</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>ログインしていません。</translation>
    </message>
    <message>
        <source>You do not have permission for this.</source>
        <translation>この操作を行う権限がありません。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>該当するデータが見つかりません。</translation>
    </message>
    <message>
        <source>The gateway had an internal error.</source>
        <translation>ゲートウェイで内部エラーが発生しました。</translation>
    </message>
    <message>
        <source>The gateway refused the request (%1).</source>
        <translation>ゲートウェイがリクエストを受け付けませんでした（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>The account is locked after too many failed logins. Try again in %n minute(s) or ask an administrator to unlock it.</source>
        <translation>
            <numerusform>ログインの失敗が続いたため、アカウントはロックされています。約%n分後に再度お試しいただくか、管理者にロック解除を依頼してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your client certificate has expired. Ask an administrator for a new one.</source>
        <translation>クライアント証明書の有効期限が切れています。管理者に新しい証明書の発行を依頼してください。</translation>
    </message>
    <message>
        <source>Your client certificate is no longer accepted. Ask an administrator for a new one.</source>
        <translation>このクライアント証明書は使用できなくなりました。管理者に新しい証明書の発行を依頼してください。</translation>
    </message>
    <message>
        <source>Too many logins with a certificate of another user. Wait a minute and log in with your own ID.</source>
        <translation>別のユーザーの証明書でのログインが続いたため、受け付けを一時停止しています。1分ほど待ってから、ご自身のIDでログインしてください。</translation>
    </message>
    <message>
        <source>The gateway is busy. Try again in a moment.</source>
        <translation>ゲートウェイが混み合っています。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>現在のパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>The password does not meet the policy: at least 12 characters with letters and digits, and not the current one.</source>
        <translation>パスワードがポリシーを満たしていません。英字と数字を含む12文字以上で、現在のパスワードとは別のものにしてください。</translation>
    </message>
    <message>
        <source>An administrator reset your password. Change it (File &gt; Change password…) before you go on.</source>
        <translation>管理者がパスワードをリセットしました。続ける前に変更してください（ファイル &gt; パスワードを変更…）。</translation>
    </message>
    <message>
        <source>The gateway cannot write to its storage (it is full or failing), so nothing was done. Try again later; if it goes on, tell the gateway&apos;s operator.</source>
        <translation>ゲートウェイが記録領域に書き込めません（容量不足または障害）。この処理は行われていません。しばらくしてから再度お試しください。続く場合はゲートウェイの運用担当者にご連絡ください。</translation>
    </message>
    <message>
        <source>The gateway cannot reach its database. Try again in a moment.</source>
        <translation>ゲートウェイがデータベースに接続できません。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>The gateway closed the connection. It may have stopped, or it did not accept this certificate (expired, revoked or not issued by it).</source>
        <translation>ゲートウェイが接続を閉じました。ゲートウェイが停止したか、この証明書（期限切れ・失効済み・このゲートウェイが発行していないもの）を受け付けなかった可能性があります。</translation>
    </message>
    <message>
        <source>Two exports of yours are still running (or the gateway is running as many as it allows). Try again when one has finished.</source>
        <translation>あなたの出力が2件まだ実行中です（またはゲートウェイが同時に実行できる上限に達しています）。どれかが終わってからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>kessai::AuditExport</name>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Action code</source>
        <translation>操作コード</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>From</source>
        <translation>接続元</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>リクエストID</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>kessai::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>From</source>
        <translation>接続元</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>kessai::AuditPage</name>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>Search the audit log again</source>
        <translation>操作ログを再検索</translation>
    </message>
    <message>
        <source>Login ID</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>結果(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>期間(&amp;D):</translation>
    </message>
    <message>
        <source>to</source>
        <comment>days from … to …</comment>
        <translation>～</translation>
    </message>
    <message>
        <source>Double-click an entry (or press Enter) to see all of it.</source>
        <translation>行をダブルクリック（または Enter）で全項目を表示します。</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1件</translation>
    </message>
    <message>
        <source>%1 entries shown; scroll for older ones</source>
        <translation>%1件を表示中（スクロールで過去の記録を読み込みます）</translation>
    </message>
    <message>
        <source>Time: %1 (Japan time)
User: %2
Action: %3 (%4)
Target: %5
Result: %6
From: %7
Request ID: %8</source>
        <translation>日時: %1（日本時間）
ユーザー: %2
操作: %3（%4）
対象: %5
結果: %6
接続元: %7
リクエストID: %8</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>操作ログの記録</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>詳細: %1</translation>
    </message>
    <message>
        <source>&amp;Export the audit log…</source>
        <translation>操作ログの出力(&amp;E)…</translation>
    </message>
    <message>
        <source>Payment ID, trading ID or login ID</source>
        <translation>決済ID・取引ID・ログインID</translation>
    </message>
    <message>
        <source>Only the entries about this payment (its payment ID or trading ID), this user or this statement.</source>
        <translation>この決済（決済IDまたは取引ID）、このユーザー、またはこの支払明細についての記録だけを表示します。</translation>
    </message>
    <message>
        <source>Ab&amp;out:</source>
        <translation>対象(&amp;O):</translation>
    </message>
    <message>
        <source>Export every entry the filters find, not only the rows on screen (Ctrl+E)</source>
        <translation>画面に表示中の行だけでなく、条件に合うすべての記録を出力します（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>操作ログの出力</translation>
    </message>
    <message>
        <source>Every entry the filters find, newest first, not only the rows on screen.</source>
        <translation>画面に表示中の行だけでなく、条件に合うすべての記録を新しい順に出力します。</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>操作ログを出力しています…</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作ログ</translation>
    </message>
</context>
<context>
    <name>kessai::BulkActionBar</name>
    <message>
        <source>Ca&amp;pture checked…</source>
        <comment>bulk 売上</comment>
        <translation>チェックした決済を売上(&amp;P)…</translation>
    </message>
    <message>
        <source>Cance&amp;l checked…</source>
        <comment>bulk 取消</comment>
        <translation>チェックした決済を取消(&amp;L)…</translation>
    </message>
    <message>
        <source>Capture the checked payments in one batch (売上)</source>
        <translation>チェックした決済をまとめて売上確定します</translation>
    </message>
    <message>
        <source>Cancel the checked payments in one batch (取消)</source>
        <translation>チェックした決済をまとめて取消します</translation>
    </message>
    <message>
        <source>The bulk journal could not be opened; see the bulk page</source>
        <translation>一括処理の記録ファイルを開けません。一括処理の画面を確認してください</translation>
    </message>
</context>
<context>
    <name>kessai::BulkBatchesModel</name>
    <message>
        <source>Capture</source>
        <comment>売上</comment>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>取消</comment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Change amount</source>
        <comment>金額変更</comment>
        <translation>金額変更</translation>
    </message>
    <message>
        <source>Selected payments</source>
        <translation>選択した決済</translation>
    </message>
    <message>
        <source>Running (%1 / %2)</source>
        <translation>実行中 (%1 / %2)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Not every item has its answer yet. Finish it: the same requests are sent again under the same keys, so nothing is done twice.</source>
        <translation>まだ結果の出ていない明細があります。続行すると同じ依頼を同じキーで再送するため、二重に処理されることはありません。</translation>
    </message>
    <message>
        <source>Created (JST)</source>
        <translation>作成日時 (JST)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>処理区分</translation>
    </message>
    <message>
        <source>From</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Retry of batch %1</source>
        <translation>一括処理 %1 の再実行</translation>
    </message>
</context>
<context>
    <name>kessai::BulkConfirmDialog</name>
    <message>
        <source>Cancel %1 payments</source>
        <comment>bulk cancel button: 3,000件を取消する</comment>
        <translation>%1件を取消する</translation>
    </message>
    <message>
        <source>Capture %1 payments</source>
        <comment>bulk capture button: 3,000件を売上確定する</comment>
        <translation>%1件を売上確定する</translation>
    </message>
    <message>
        <source>Confirm bulk capture</source>
        <translation>一括売上の確認</translation>
    </message>
    <message>
        <source>Confirm bulk cancel</source>
        <translation>一括取消の確認</translation>
    </message>
    <message>
        <source>None of these payments can be captured now.</source>
        <translation>売上できる決済がありません。</translation>
    </message>
    <message>
        <source>None of these payments can be cancelled now.</source>
        <translation>取消できる決済がありません。</translation>
    </message>
    <message>
        <source>%1 payments will be captured, %2 in total.</source>
        <translation>%1件の決済を売上確定します。合計 %2</translation>
    </message>
    <message>
        <source>%1 payments will be cancelled, %2 in total.</source>
        <translation>%1件の決済を取消します。合計 %2</translation>
    </message>
    <message>
        <source>%1 checked payments will be left out: the gateway does not allow a capture in their status (already captured, cancelled, expired…).</source>
        <translation>チェックした決済のうち%1件は、現在のステータスでは売上できないため除外します（売上済・取消済・期限切れなど）。</translation>
    </message>
    <message>
        <source>%1 checked payments will be left out: the gateway does not allow a cancel in their status (already cancelled, paid, expired…).</source>
        <translation>チェックした決済のうち%1件は、現在のステータスでは取消できないため除外します（取消済・入金済・期限切れなど）。</translation>
    </message>
    <message>
        <source>%1 payments are not loaded in the table; the gateway decides them when they are sent.</source>
        <translation>%1件は一覧に読み込まれていないため、送信時にゲートウェイが判定します。</translation>
    </message>
    <message>
        <source>Each payment is captured for its whole authorized amount. Every item is written to the journal before it is sent, so nothing is captured twice, even after a crash.</source>
        <translation>各決済はオーソリ金額の全額で売上確定します。送信前にすべての明細を記録するため、異常終了しても二重に売上されることはありません。</translation>
    </message>
    <message>
        <source>Every item is written to the journal before it is sent, so nothing is cancelled twice, even after a crash.</source>
        <translation>送信前にすべての明細を記録するため、異常終了しても二重に取消されることはありません。</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>未読込</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancel payments</source>
        <translation>取消する</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>戻る(&amp;B)</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFile</name>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>The file is empty: it needs a header line and at least one line to process.</source>
        <translation>ファイルが空です。見出し行と、処理する行が1行以上必要です。</translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot;. The columns are 決済ID (payment_id), 取引ID (trading_id), 処理区分 (action) and 金額 (amount).</source>
        <translation>不明な列「%1」です。使える列は 決済ID (payment_id)、取引ID (trading_id)、処理区分 (action)、金額 (amount) です。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is there twice.</source>
        <translation>列「%1」が2回あります。</translation>
    </message>
    <message>
        <source>The file needs a 決済ID (payment_id) or 取引ID (trading_id) column.</source>
        <translation>決済ID (payment_id) または 取引ID (trading_id) の列が必要です。</translation>
    </message>
    <message>
        <source>The file needs a 処理区分 (action) column: 売上 (capture) or 取消 (cancel).</source>
        <translation>処理区分 (action) の列が必要です: 売上 (capture) または 取消 (cancel)。</translation>
    </message>
    <message>
        <source>This line has %1 fields, but the header has %2.</source>
        <translation>この行の項目数は%1ですが、見出し行は%2です。</translation>
    </message>
    <message>
        <source>Neither 決済ID (payment_id) nor 取引ID (trading_id) is given.</source>
        <translation>決済ID (payment_id) も 取引ID (trading_id) もありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a 決済ID (payment_id): 1 to 18 digits.</source>
        <translation>「%1」は決済ID (payment_id) ではありません: 1〜18桁の数字です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a 取引ID (trading_id): 1 to 25 letters, digits or _.</source>
        <translation>「%1」は取引ID (trading_id) ではありません: 英数字または _ の1〜25文字です。</translation>
    </message>
    <message>
        <source>処理区分 (action) is empty: 売上 (capture) or 取消 (cancel).</source>
        <translation>処理区分 (action) が空です: 売上 (capture) または 取消 (cancel)。</translation>
    </message>
    <message>
        <source>Unknown 処理区分 (action) &quot;%1&quot;: 売上 (capture) or 取消 (cancel).</source>
        <translation>不明な処理区分 (action)「%1」です: 売上 (capture) または 取消 (cancel)。</translation>
    </message>
    <message>
        <source>This line says %1, but the file is run as %2.</source>
        <translation>この行は%1ですが、ファイルは%2として実行されています。</translation>
    </message>
    <message>
        <source>金額 (amount) &quot;%1&quot; is not an amount in yen: a whole number from 1 to 9,999,999.</source>
        <translation>金額 (amount)「%1」は円の金額ではありません: 1〜9,999,999の整数です。</translation>
    </message>
    <message>
        <source>Payment %1 is already on line %2.</source>
        <translation>決済 %1 は%2行目にもあります。</translation>
    </message>
    <message>
        <source>取引ID %1 is already on line %2.</source>
        <translation>取引ID %1 は%2行目にもあります。</translation>
    </message>
    <message>
        <source>The file has a header but no line to process.</source>
        <translation>見出し行はありますが、処理する行がありません。</translation>
    </message>
    <message>
        <source>取引ID %1 is payment %2, which is already on line %3.</source>
        <translation>取引ID %1 は決済 %2 で、%3行目にもあります。</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFileDialog</name>
    <message>
        <source>UTF-8 (with BOM)</source>
        <translation>UTF-8（BOM付き）</translation>
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
        <translation>誤りのある行を除いて残りを実行する(&amp;L)</translation>
    </message>
    <message>
        <source>Run this file &amp;again</source>
        <translation>このファイルをもう一度実行する(&amp;A)</translation>
    </message>
    <message>
        <source>Bulk file</source>
        <translation>ファイル処理</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Capture (売上): %1 payments, each for its authorized amount</source>
        <translation>売上: %1件（各オーソリ金額の全額）</translation>
    </message>
    <message>
        <source>Cancel (取消): %1 payments</source>
        <translation>取消: %1件</translation>
    </message>
    <message>
        <source>No line of this file can be sent.</source>
        <translation>このファイルには送信できる行がありません。</translation>
    </message>
    <message>
        <source>This file&apos;s batch did not finish last time. Running it finishes what is left under the same keys: nothing is captured or cancelled twice.</source>
        <translation>このファイルの一括処理は前回完了していません。実行すると残りを同じキーで送信します。二重に売上・取消されることはありません。</translation>
    </message>
    <message>
        <source>This file already ran as batch %1 on %2 (%3 succeeded, %4 failed). Running it again sends every line once more.</source>
        <translation>このファイルは %2 に一括処理 %1 として実行済みです（成功 %3件、失敗 %4件）。もう一度実行すると、すべての行をもう一度送信します。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of this file cannot be sent. Fix the file and open it again, or leave those lines out.</source>
        <translation>
            <numerusform>このファイルの%n行は送信できません。ファイルを直して開き直すか、その行を除いて実行してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Finish the batch</source>
        <translation>一括処理を続行する</translation>
    </message>
    <message>
        <source>Capture %1 payments</source>
        <comment>bulk capture button: 3,000件を売上確定する</comment>
        <translation>%1件を売上確定する</translation>
    </message>
    <message>
        <source>Cancel %1 payments</source>
        <comment>bulk cancel button: 3,000件を取消する</comment>
        <translation>%1件を取消する</translation>
    </message>
    <message>
        <source>Process %1 payments</source>
        <comment>capture and cancel lines: 3,000件を処理する</comment>
        <translation>%1件を処理する</translation>
    </message>
    <message>
        <source>Capture (売上): %1 payments — %2 for the amounts given, %3 in total; the rest for their authorized amounts</source>
        <translation>売上: %1件（うち金額指定 %2件、合計 %3。残りは各オーソリ金額の全額）</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFileFlow</name>
    <message>
        <source>The bulk journal could not be opened, so nothing can be sent in bulk.</source>
        <translation>一括処理の記録ファイルを開けないため、一括処理は実行できません。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Looking up 取引ID</source>
        <translation>取引IDの照会</translation>
    </message>
    <message>
        <source>Looking up the 取引ID of the file…</source>
        <translation>ファイルの取引IDを照会しています…</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>stop reading the checked payments</comment>
        <translation>中止</translation>
    </message>
    <message>
        <source>Looking up the 取引ID of the file… %1 / %2</source>
        <translation>ファイルの取引IDを照会しています… %1 / %2</translation>
    </message>
    <message>
        <source>The 取引ID of the file could not be looked up: %1. Nothing was sent.</source>
        <translation>ファイルの取引IDを照会できませんでした: %1。何も送信していません。</translation>
    </message>
    <message>
        <source>Nothing more was sent: the bulk journal could not be written (%1).</source>
        <translation>以降は送信していません: 一括処理の記録ファイルに書き込めませんでした (%1)。</translation>
    </message>
    <message>
        <source>Bulk file</source>
        <translation>ファイル処理</translation>
    </message>
</context>
<context>
    <name>kessai::BulkFileResolver</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>ゲートウェイに接続していません。</translation>
    </message>
    <message>
        <source>No payment has 取引ID %1.</source>
        <translation>取引ID %1 の決済はありません。</translation>
    </message>
    <message>
        <source>Payment %1 is not a payment of 取引ID %2 (its payments: %3).</source>
        <translation>決済 %1 は取引ID %2 の決済ではありません（取引ID %2 の決済: %3）。</translation>
    </message>
    <message>
        <source>取引ID %1 matches %2 payments: %3. Give the 決済ID (payment_id) of the one meant.</source>
        <translation>取引ID %1 に該当する決済が%2件あります: %3。対象の決済ID (payment_id) を指定してください。</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>%1件超</translation>
    </message>
</context>
<context>
    <name>kessai::BulkItemsModel</name>
    <message>
        <source>Waiting</source>
        <comment>item not answered yet</comment>
        <translation>未処理</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>Authorized amount</source>
        <translation>オーソリ金額</translation>
    </message>
    <message>
        <source>Whole amount</source>
        <translation>全額</translation>
    </message>
    <message>
        <source>#</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>依頼金額</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Status after</source>
        <translation>処理後ステータス</translation>
    </message>
    <message>
        <source>Amount after</source>
        <translation>処理後金額</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>kessai::BulkPage</name>
    <message>
        <source>Stop after this chunk</source>
        <translation>この単位の後で中止</translation>
    </message>
    <message>
        <source>&amp;Finish this batch</source>
        <translation>この一括処理を続行(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Retry failed items</source>
        <translation>失敗分を再実行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>結果をCSV出力(&amp;E)…</translation>
    </message>
    <message>
        <source>The bulk journal could not be opened, so nothing can be sent in bulk. Check that the console&apos;s data folder is writable, then start the console again.</source>
        <translation>一括処理の記録ファイルを開けないため、一括処理は実行できません。データフォルダーに書き込めることを確認し、コンソールを再起動してください。</translation>
    </message>
    <message>
        <source>What was sent stays done; the rest of the batch can be finished later</source>
        <translation>送信済みの処理はそのまま有効です。残りは後で続行できます</translation>
    </message>
    <message>
        <source>Show items</source>
        <translation>表示する明細</translation>
    </message>
    <message>
        <source>Send what has no answer yet, under the same keys: nothing is done twice</source>
        <translation>結果の出ていない明細を同じキーで再送します。二重に処理されることはありません</translation>
    </message>
    <message>
        <source>Send the failed items again as a new batch</source>
        <translation>失敗した明細を新しい一括処理として再送します</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>&amp;Finish the batch</source>
        <translation>一括処理を続行(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Stop the running batch</source>
        <translation>実行中の一括処理を中止(&amp;S)</translation>
    </message>
    <message>
        <source>Batch %1: %2, %3</source>
        <translation>一括処理 %1: %2・%3</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>すべて (%1)</translation>
    </message>
    <message>
        <source>Succeeded (%1)</source>
        <translation>成功 (%1)</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>失敗 (%1)</translation>
    </message>
    <message>
        <source>Skipped (%1)</source>
        <translation>除外 (%1)</translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation>未処理 (%1)</translation>
    </message>
    <message>
        <source>Capturing: %1 of %2 payments</source>
        <translation>売上確定中: %1 / %2件</translation>
    </message>
    <message>
        <source>Cancelling: %1 of %2 payments</source>
        <translation>取消中: %1 / %2件</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>経過 %1</translation>
    </message>
    <message>
        <source>Elapsed %1, about %2 left</source>
        <translation>経過 %1・残り約 %2</translation>
    </message>
    <message>
        <source>Batch %1 is done: %2 succeeded, %3 failed, %4 skipped.</source>
        <translation>一括処理 %1 が完了しました: 成功 %2件、失敗 %3件、除外 %4件。</translation>
    </message>
    <message>
        <source>Batch %1 was stopped: %2 items were done and stay done; the rest was not sent. Finish it later with &quot;Finish this batch&quot;.</source>
        <translation>一括処理 %1 を中止しました。処理済みの%2件はそのまま有効で、残りは送信していません。「この一括処理を続行」で後から続行できます。</translation>
    </message>
    <message>
        <source>Batch %1 is waiting: the gateway did not answer (%2). Nothing is lost — when the connection is back, finish it with &quot;Finish this batch&quot;; the same requests are sent again and nothing is done twice.</source>
        <translation>一括処理 %1 は応答待ちです: ゲートウェイから応答がありません (%2)。記録は失われていません。接続が戻ったら「この一括処理を続行」を押してください。同じ依頼を再送するため、二重に処理されることはありません。</translation>
    </message>
    <message>
        <source>bulk-%1-results.csv</source>
        <comment>file name</comment>
        <translation>一括処理-%1-結果.csv</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>結果のCSV出力</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>The results could not be written: %1</source>
        <translation>結果を書き出せませんでした: %1</translation>
    </message>
    <message>
        <source>The results were written to %1.</source>
        <translation>結果を %1 に書き出しました。</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Bulk captures and cancels: check payments on the payment search and choose Capture or Cancel, or open (or drop here) a CSV file of 決済ID or 取引ID with 売上 / 取消. Each batch is kept here for %1 days.</source>
        <translation>一括売上・一括取消: 決済情報照会で決済にチェックを付けて売上または取消を選ぶか、決済IDまたは取引IDと処理区分（売上／取消）を書いたCSVファイルを開いてください（ここにドロップもできます）。処理結果は%1日間保存されます。</translation>
    </message>
    <message>
        <source>Capture or cancel the payments of a CSV file (ファイル処理)</source>
        <translation>CSVファイルの決済を売上または取消します（ファイル処理）</translation>
    </message>
    <message>
        <source>&amp;Open a bulk file…</source>
        <translation>一括処理ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a bulk file</source>
        <translation>一括処理ファイルを開く</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSVファイル (*.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Batch %1 is waiting: the session ended (%2). Nothing is lost — sign in again and finish it with &quot;Finish this batch&quot;; the rest is sent under the same keys and nothing is done twice.</source>
        <translation>一括処理 %1 は中断中です: セッションが終了しました (%2)。記録は失われていません。ログインし直して「この一括処理を続行」を押してください。残りを同じキーで送信するため、二重に処理されることはありません。</translation>
    </message>
    <message>
        <source>Batch %1 stopped: the journal could not be written (%2), so nothing more was sent. Nothing is lost — make room on the disk, then finish it with &quot;Finish this batch&quot;; an answer that could not be written is asked for again and nothing is done twice.</source>
        <translation>一括処理 %1 を停止しました: 記録ファイルに書き込めないため (%2)、以降は送信していません。記録は失われていません。ディスクの空きを作ってから「この一括処理を続行」を押してください。書き込めなかった応答は同じ依頼で問い合わせ直すため、二重に処理されることはありません。</translation>
    </message>
</context>
<context>
    <name>kessai::BulkPlan</name>
    <message>
        <source>Left out: the gateway does not allow this on the payment in its status (%1).</source>
        <translation>除外: 現在のステータス (%1) ではこの処理はできません。</translation>
    </message>
</context>
<context>
    <name>kessai::BulkSelectionFlow</name>
    <message>
        <source>The bulk journal could not be opened, so nothing can be sent in bulk.</source>
        <translation>一括処理の記録ファイルを開けないため、一括処理は実行できません。</translation>
    </message>
    <message>
        <source>Checking payments</source>
        <translation>決済の確認</translation>
    </message>
    <message>
        <source>Reading the checked payments…</source>
        <translation>チェックした決済を読み込んでいます…</translation>
    </message>
    <message>
        <source>Reading the checked payments… %1 / %2</source>
        <translation>チェックした決済を読み込んでいます… %1 / %2</translation>
    </message>
    <message>
        <source>Reading the checked payments… %1</source>
        <translation>チェックした決済を読み込んでいます… %1</translation>
    </message>
    <message>
        <source>A bulk action takes at most %1 payments at a time. Narrow the search, or uncheck some.</source>
        <translation>一括処理は一度に%1件までです。検索条件を絞り込むか、チェックを外してください。</translation>
    </message>
    <message>
        <source>The checked payments could not be read: %1</source>
        <translation>チェックした決済を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: the bulk journal could not be written (%1).</source>
        <translation>送信していません: 一括処理の記録ファイルに書き込めませんでした (%1)。</translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation>一括処理</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>stop reading the checked payments</comment>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>kessai::BulkService</name>
    <message>
        <source>Not signed in.</source>
        <translation>ログインしていません。</translation>
    </message>
    <message>
        <source>No such batch.</source>
        <translation>該当する一括処理がありません。</translation>
    </message>
    <message>
        <source>Nothing failed in this batch.</source>
        <translation>この一括処理に失敗した明細はありません。</translation>
    </message>
</context>
<context>
    <name>kessai::CapturedPaymentsReader</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>ゲートウェイに接続していません。</translation>
    </message>
</context>
<context>
    <name>kessai::CertificateDialog</name>
    <message>
        <source>Certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>サブジェクト:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>発行者:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>シリアル番号:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 フィンガープリント:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>有効期間の開始:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有効期限:</translation>
    </message>
    <message numerus="yes">
        <source>Valid, %n day(s) left.</source>
        <translation>
            <numerusform>有効です（残り%n日）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
</context>
<context>
    <name>kessai::CertificateExpiry</name>
    <message>
        <source>Your certificate expired on %1. Ask an administrator for a new one.</source>
        <translation>証明書の有効期限は %1 に切れました。管理者に新しい証明書の発行を依頼してください。</translation>
    </message>
    <message>
        <source>Your certificate expires today (%1). Ask an administrator for a new one now.</source>
        <translation>証明書の有効期限は本日（%1）です。今すぐ管理者に新しい証明書の発行を依頼してください。</translation>
    </message>
    <message numerus="yes">
        <source>Your certificate expires in %n day(s) (%1). Ask an administrator for a new one.</source>
        <translation>
            <numerusform>証明書の有効期限まであと%n日です（%1）。管理者に新しい証明書の発行を依頼してください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kessai::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>パスワードを変更(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>ログアウト(&amp;L)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>An administrator has reset your password. Choose a new one to go on.</source>
        <translation>管理者がパスワードをリセットしました。続けるには新しいパスワードを設定してください。</translation>
    </message>
    <message>
        <source>Your other sessions end when the password is changed.</source>
        <translation>パスワードを変更すると、ほかの端末のセッションは終了します。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>現在のパスワード:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新しいパスワード:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>新しいパスワード（確認）:</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>現在のパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The new password needs at least 12 characters, with letters and digits.</source>
        <translation>新しいパスワードは英字と数字を含む12文字以上にしてください。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新しいパスワードは現在のものと別にしてください。</translation>
    </message>
    <message>
        <source>Type the new password again, the same way.</source>
        <translation>確認欄に新しいパスワードをもう一度同じように入力してください。</translation>
    </message>
    <message>
        <source>Ready to change.</source>
        <translation>変更できます。</translation>
    </message>
</context>
<context>
    <name>kessai::ClientIdentity</name>
    <message>
        <source>The certificate file cannot be read: %1</source>
        <translation>証明書ファイルを読み込めません：%1</translation>
    </message>
    <message>
        <source>This is not a PKCS#12 certificate file (.p12 / .pfx).</source>
        <translation>PKCS#12形式の証明書ファイル（.p12 / .pfx）ではありません。</translation>
    </message>
    <message>
        <source>The passphrase is wrong.</source>
        <translation>パスフレーズが正しくありません。</translation>
    </message>
    <message>
        <source>This file uses old encryption (RC2/3DES) that cannot be read. Ask your administrator for a new certificate, or re-export it with AES-256.</source>
        <translation>このファイルは読み込めない旧式の暗号方式（RC2/3DES）で保護されています。管理者に新しい証明書の発行を依頼するか、AES-256で再エクスポートしてください。</translation>
    </message>
    <message>
        <source>The file holds no certificate with a private key.</source>
        <translation>秘密鍵付きの証明書がファイルに含まれていません。</translation>
    </message>
    <message>
        <source>The CA file cannot be read: %1</source>
        <translation>CA証明書ファイルを読み込めません：%1</translation>
    </message>
    <message>
        <source>The CA file holds no certificate.</source>
        <translation>CA証明書ファイルに証明書が含まれていません。</translation>
    </message>
</context>
<context>
    <name>kessai::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Remember the passphrase in the system keychain</source>
        <translation>パスフレーズをシステムのキーチェーンに保存する</translation>
    </message>
    <message>
        <source>Your client certificate (.p12 / .pfx)</source>
        <translation>ご自身のクライアント証明書（.p12 / .pfx）</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Each user connects with a personal client certificate issued by the merchant administrator. Choose yours and enter its passphrase.</source>
        <translation>各ユーザーは、加盟店の管理者が発行した個人用のクライアント証明書で接続します。ご自身の証明書を選択し、パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Gateway URL:</source>
        <translation>ゲートウェイURL</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA証明書</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>クライアント証明書</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>発行先</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Choose your client certificate</source>
        <translation>クライアント証明書の選択</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 証明書 (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose the gateway&apos;s CA certificate</source>
        <translation>ゲートウェイのCA証明書の選択</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>(enter the passphrase to read the certificate)</source>
        <translation>（パスフレーズを入力すると証明書の内容を表示します）</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 ～ %2</translation>
    </message>
    <message>
        <source>The gateway URL must start with https://</source>
        <translation>ゲートウェイURLは https:// で始まる必要があります。</translation>
    </message>
    <message>
        <source>This certificate is not valid now (see its validity above). Ask your administrator for a new one.</source>
        <translation>この証明書は現在有効期間外です（上記の有効期間をご確認ください）。管理者に新しい証明書の発行を依頼してください。</translation>
    </message>
    <message>
        <source>Certificate and gateway</source>
        <translation>証明書と接続先</translation>
    </message>
    <message>
        <source>%1 to %2 (not valid now)</source>
        <translation>%1 〜 %2（現在は無効）</translation>
    </message>
    <message>
        <source>PEM file of the CA that signed the gateway (empty: the CA in your certificate file)</source>
        <translation>ゲートウェイの証明書を発行したCAのPEMファイル（空欄：証明書ファイルに含まれるCA）</translation>
    </message>
</context>
<context>
    <name>kessai::ConsoleSession</name>
    <message>
        <source>The gateway URL must start with https://</source>
        <translation>ゲートウェイのURLは https:// で始まる必要があります</translation>
    </message>
    <message>
        <source>Batch %1 (%2, %3): %4 of %5 items answered</source>
        <translation>一括処理 %1 (%2・%3): %5件中%4件処理済み</translation>
    </message>
    <message>
        <source>Unfinished bulk processing</source>
        <translation>未完了の一括処理</translation>
    </message>
    <message numerus="yes">
        <source>%n bulk batch(es) did not finish last time (the console closed or the connection was lost). Finish them now? The same requests are sent again under the same keys, so no payment is captured or cancelled twice.</source>
        <translation>
            <numerusform>前回、%n件の一括処理が完了しませんでした（コンソールの終了または接続の切断）。今すぐ続行しますか？ 同じ依頼を同じキーで再送するため、二重に売上・取消されることはありません。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Finish now</source>
        <translation>今すぐ続行(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>後で(&amp;L)</translation>
    </message>
    <message>
        <source>Bulk processing %1 is running and goes on while the console is locked.</source>
        <translation>一括処理 %1 を実行中です。ロック中も処理は続きます。</translation>
    </message>
</context>
<context>
    <name>kessai::CsvReader</name>
    <message>
        <source>A double quote (&quot;) in the wrong place: a field with a quote must be quoted as a whole, with the quote doubled (&quot;&quot;).</source>
        <translation>ダブルクォート (&quot;) の位置が正しくありません。クォートを含む項目は全体をクォートで囲み、中のクォートは2つ重ねて (&quot;&quot;) ください。</translation>
    </message>
    <message>
        <source>A quoted field starts on this line and is never closed.</source>
        <translation>この行で始まるクォートが閉じられていません。</translation>
    </message>
    <message>
        <source>This line holds bytes that are not text in UTF-8 or Shift_JIS (CP932).</source>
        <translation>この行には UTF-8 でも Shift_JIS (CP932) でもない文字があります。</translation>
    </message>
</context>
<context>
    <name>kessai::CsvWriter</name>
    <message>
        <source>Row %1, column %2 contains %3, which Shift_JIS (CP932) cannot represent. Export as UTF-8 instead, or change the data.</source>
        <translation>%1行目・%2列目の %3 はShift_JIS（CP932）で表せません。UTF-8で出力するか、データを修正してください。</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>ファイルを書き込めませんでした：%1</translation>
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
        <translation>カレンダーから選ぶ（F4）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as 2026/11/01.</source>
        <translation>「%1」は日付として読めません。2026/11/01 のように入力してください。</translation>
    </message>
</context>
<context>
    <name>kessai::DateRangeFilter</name>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>先月</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>The period is reversed: the first date must not be later than the second.</source>
        <translation>期間が逆です。開始日は終了日より後にできません。</translation>
    </message>
</context>
<context>
    <name>kessai::ExportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The export failed. No file was written.</source>
        <translation>出力に失敗しました。ファイルは作成されていません。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2 件</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln 件を %1 に出力しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kessai::LedgerMappingDialog</name>
    <message>
        <source>Column %1</source>
        <translation>%1列目</translation>
    </message>
    <message>
        <source>Which columns?</source>
        <translation>どの列を使いますか？</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>column number: header name</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The header of %1 does not say clearly which column holds the trading ID (取引ID, 注文番号…) and which the amount. Choose them; files with the same header will be read the same way.</source>
        <translation>%1 の見出しからは、取引ID（取引ID、注文番号…）の列と金額の列がはっきりしません。選んでください。同じ見出しのファイルは次回から同じように読み込みます。</translation>
    </message>
    <message>
        <source>&amp;Trading ID column:</source>
        <translation>取引IDの列(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Amount column:</source>
        <translation>金額の列(&amp;A):</translation>
    </message>
    <message>
        <source>The file&apos;s first lines:</source>
        <translation>ファイルの先頭の行:</translation>
    </message>
    <message>
        <source>%1
▶ trading ID</source>
        <translation>%1
▶ 取引ID</translation>
    </message>
    <message>
        <source>%1
▶ amount</source>
        <translation>%1
▶ 金額</translation>
    </message>
    <message>
        <source>The trading ID and the amount must be two different columns.</source>
        <translation>取引IDと金額には別々の列を選んでください。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; holds &quot;%2&quot;, which is not an amount in yen. Is it the right column?</source>
        <translation>列「%1」には「%2」とあり、円の金額ではありません。この列でよろしいですか？</translation>
    </message>
</context>
<context>
    <name>kessai::LockCurtain</name>
    <message>
        <source>Kessai is locked</source>
        <translation>Kessai はロックされています</translation>
    </message>
</context>
<context>
    <name>kessai::LockDialog</name>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>ログアウト(&amp;L)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — %3 %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2） — %3 %4</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message numerus="yes">
        <source>The console was locked after %n minute(s) without input. Enter your password to go on where you left off.</source>
        <translation>
            <numerusform>%n分間操作がなかったため、画面をロックしました。パスワードを入力すると、作業をそのまま続けられます。</numerusform>
        </translation>
    </message>
    <message>
        <source>You signed in 12 hours ago. Enter your password to sign in again; your pages stay as they are.</source>
        <translation>ログインから12時間が経過しました。パスワードを入力して、もう一度ログインしてください。表示中の画面はそのまま残ります。</translation>
    </message>
    <message>
        <source>The gateway ended your session. Enter your password to sign in again; your pages stay as they are, and bulk processing stopped by the gateway goes on after you sign in.</source>
        <translation>ゲートウェイがセッションを終了しました。パスワードを入力して、もう一度ログインしてください。表示中の画面はそのまま残り、中断された一括処理はログイン後に再開します。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message>
        <source>The gateway signed in another user. Log out and sign in again.</source>
        <translation>ゲートウェイが別のユーザーでログインしました。ログアウトして、ログインし直してください。</translation>
    </message>
</context>
<context>
    <name>kessai::LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Change certificate…</source>
        <translation>証明書の変更…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Certificate: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;証明書：%2</translation>
    </message>
    <message>
        <source>Login ID:</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Enter your login ID and password.</source>
        <translation>ログインIDとパスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>kessai::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>ログアウト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Kessai</source>
        <translation>Kessaiについて(&amp;A)</translation>
    </message>
    <message>
        <source>About Kessai</source>
        <translation>Kessaiについて</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kessai&lt;/b&gt; %1&lt;br&gt;Back-office console for merchants of the payment gateway.</source>
        <translation>&lt;b&gt;Kessai&lt;/b&gt; %1&lt;br&gt;決済ゲートウェイ加盟店向けの管理コンソールです。</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>General user</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 %4 — %5</source>
        <translation>%1（%2） — %3 %4 — %5</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>表示できるページがありません</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <comment>menu of pages</comment>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>Page &amp;list</source>
        <translation>ページ一覧(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>&amp;Certificate details…</source>
        <translation>証明書の詳細(&amp;C)…</translation>
    </message>
    <message>
        <source>Change ce&amp;rtificate…</source>
        <translation>証明書を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>Without a valid certificate you cannot sign in. An administrator issues a new one under Administration → Users; File → Change certificate switches to it.</source>
        <translation>有効な証明書がないとログインできません。管理者が「管理 → ユーザー管理」で新しい証明書を発行します。発行された証明書には「ファイル → 証明書を変更」で切り替えられます。</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>パスワードを変更(&amp;P)…</translation>
    </message>
    <message>
        <source>Your password has been changed; your other sessions have ended.</source>
        <translation>パスワードを変更しました。ほかのセッションは終了しました。</translation>
    </message>
</context>
<context>
    <name>kessai::MerchantClient</name>
    <message>
        <source>The gateway URL must start with https:// — nothing was sent.</source>
        <translation>ゲートウェイのURLは https:// で始まる必要があります。何も送信していません。</translation>
    </message>
</context>
<context>
    <name>kessai::MoneyEdit</name>
    <message>
        <source>Enter an amount from %1 to %2.</source>
        <translation>%1から%2までの金額を入力してください。</translation>
    </message>
    <message>
        <source>Only whole yen in digits, such as 6300.</source>
        <translation>金額は数字で入力してください（例: 6300）。</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <comment>amount limit</comment>
        <translation>最大 %1 です。</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <comment>amount limit</comment>
        <translation>最小 %1 です。</translation>
    </message>
</context>
<context>
    <name>kessai::PageList</name>
    <message>
        <source>Payment search</source>
        <translation>決済情報照会</translation>
    </message>
    <message>
        <source>Payments</source>
        <comment>page group: 決済</comment>
        <translation>決済</translation>
    </message>
    <message>
        <source>Settlement</source>
        <comment>page group: 精算</comment>
        <translation>精算</translation>
    </message>
    <message>
        <source>Administration</source>
        <comment>page group: 管理</comment>
        <translation>管理</translation>
    </message>
    <message>
        <source>Bulk processing</source>
        <translation>一括処理</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>決済新規登録</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>支払明細</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>消込</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー管理</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作ログ</translation>
    </message>
</context>
<context>
    <name>kessai::PagedExporter</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>ゲートウェイに接続していません。</translation>
    </message>
    <message>
        <source>this format is not available</source>
        <translation>この形式には対応していません</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentAction</name>
    <message>
        <source>This is not possible in the payment&apos;s current status. It may have been changed by someone else; reload it and check.</source>
        <translation>現在の決済ステータスではこの操作はできません。他の担当者が処理した可能性があります。最新の状態を確認してください。</translation>
    </message>
    <message>
        <source>The period for this has passed (60 days after the authorization or the capture).</source>
        <translation>この操作の期限（オーソリまたは売上から60日）を過ぎています。</translation>
    </message>
    <message>
        <source>The amount is larger than the authorized amount.</source>
        <translation>金額がオーソリ金額を超えています。</translation>
    </message>
    <message>
        <source>The amount is not valid: it must be a whole number of yen from 1 to 9,999,999 and differ from the current amount.</source>
        <translation>金額が正しくありません。1円～9,999,999円で、現在の金額と異なる金額を指定してください。</translation>
    </message>
    <message>
        <source>The payment was not found.</source>
        <translation>決済が見つかりません。</translation>
    </message>
    <message>
        <source>The same payment appears twice in the request; only the first was processed.</source>
        <translation>同じ決済が要求内で重複しています。最初の1件のみ処理しました。</translation>
    </message>
    <message>
        <source>The gateway is still processing this request. Wait a moment and retry.</source>
        <translation>この要求はまだ処理中です。しばらく待ってから再送信してください。</translation>
    </message>
    <message>
        <source>The gateway refused the request because its key was already used for another request.</source>
        <translation>この要求のキーは別の要求で使用済みのため、受け付けられませんでした。</translation>
    </message>
    <message>
        <source>The gateway refused this (%1).</source>
        <translation>ゲートウェイが要求を拒否しました（%1）。</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentActionDialog</name>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>決済ステータス</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Capture</source>
        <comment>売上確定, dialog title</comment>
        <translation>売上確定</translation>
    </message>
    <message>
        <source>Capture this payment? The amount is charged to the card.</source>
        <translation>この決済の売上を確定します。よろしいですか？
売上金額がカードに請求されます。</translation>
    </message>
    <message>
        <source>Authorized amount</source>
        <translation>オーソリ金額</translation>
    </message>
    <message>
        <source>Capture &amp;amount</source>
        <translation>売上金額(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <comment>confirm button: 売上確定</comment>
        <translation>売上確定(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <comment>取消, dialog title</comment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the sale of this payment? The charge to the card is withdrawn.</source>
        <translation>この決済の売上を取り消します。よろしいですか？
カードへの請求は取り消されます。</translation>
    </message>
    <message>
        <source>Cancel the authorization of this payment?</source>
        <translation>この決済のオーソリを取り消します。よろしいですか？</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>決済金額</translation>
    </message>
    <message>
        <source>A cancellation cannot be undone.</source>
        <translation>取消は元に戻せません。</translation>
    </message>
    <message>
        <source>Cancel &amp;payment</source>
        <comment>confirm button: 取り消す</comment>
        <translation>取り消す(&amp;P)</translation>
    </message>
    <message>
        <source>Change amount</source>
        <comment>金額変更, dialog title</comment>
        <translation>金額変更</translation>
    </message>
    <message>
        <source>The gateway issues a new payment ID for the new amount; this payment becomes &quot;%1&quot;.</source>
        <translation>変更後の金額で新しい決済IDが発行されます。
この決済は「%1」になります。</translation>
    </message>
    <message>
        <source>Current amount</source>
        <translation>現在の金額</translation>
    </message>
    <message>
        <source>New &amp;amount</source>
        <translation>変更後の金額(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change amount</source>
        <comment>confirm button: 金額を変更</comment>
        <translation>金額変更(&amp;C)</translation>
    </message>
    <message>
        <source>The whole authorized amount, %1, is captured.</source>
        <translation>オーソリ金額の全額 %1 を売上確定します。</translation>
    </message>
    <message>
        <source>Of %1 authorized, %2 is captured and the remaining %3 of the authorization is released.</source>
        <translation>%1のうち%2を売上確定し、残りの%3のオーソリを解放します。</translation>
    </message>
    <message>
        <source>Enter an amount different from the current one (up to %1).</source>
        <translation>現在と異なる金額を入力してください（最大 %1）。</translation>
    </message>
    <message>
        <source>From %1 to %2 (%3).</source>
        <translation>%1 → %2（%3）に変更します。</translation>
    </message>
    <message>
        <source>&amp;Capture %1</source>
        <comment>confirm button: 売上確定</comment>
        <translation>%1を売上確定する(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Change to %1</source>
        <comment>confirm button: 金額を変更</comment>
        <translation>%1に変更する(&amp;C)</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentActionRunner</name>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>ゲートウェイからの応答を読み取れませんでした。</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentCatalog</name>
    <message>
        <source>Applied</source>
        <translation>申込済</translation>
    </message>
    <message>
        <source>Authorization declined</source>
        <translation>オーソリNG</translation>
    </message>
    <message>
        <source>Payment deadline passed</source>
        <translation>支払期限切</translation>
    </message>
    <message>
        <source>3-D Secure aborted</source>
        <translation>3Dセキュア中断</translation>
    </message>
    <message>
        <source>Application aborted</source>
        <translation>申込中断</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>オーソリOK</translation>
    </message>
    <message>
        <source>Authorization cancelled</source>
        <translation>オーソリ取消済</translation>
    </message>
    <message>
        <source>Authorization expired</source>
        <translation>オーソリ期限切</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>消込済</translation>
    </message>
    <message>
        <source>Cleared (cancel period over)</source>
        <translation>消込済（売上取消期限切）</translation>
    </message>
    <message>
        <source>Preliminary payment notice</source>
        <translation>速報検知済</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>売上取消済</translation>
    </message>
    <message>
        <source>Preliminary notice cancelled</source>
        <translation>速報取消済</translation>
    </message>
    <message>
        <source>ATM</source>
        <translation>ATM</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>クレジットカード</translation>
    </message>
    <message>
        <source>Convenience store</source>
        <translation>コンビニ</translation>
    </message>
    <message>
        <source>Online banking</source>
        <translation>銀行ネット</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>売上済</translation>
    </message>
    <message>
        <source>Captured (cancel period over)</source>
        <translation>売上済（売上取消期限切）</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentDetailDialog</name>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Payment %1</source>
        <translation>決済 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>From</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>To</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>決済金額</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>決済情報</translation>
    </message>
    <message>
        <source>History</source>
        <translation>処理履歴</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>%1をクリップボードにコピー</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>支払機関名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>決済ステータス</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>取引日時</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>支払期限日</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>消込日時</translation>
    </message>
    <message>
        <source>Base payment ID</source>
        <translation>元決済ID</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>購入者名</translation>
    </message>
    <message>
        <source>Customer (kana)</source>
        <translation>購入者名（カナ）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>No action is possible on this payment for you now.</source>
        <translation>現在この決済に対して行える操作はありません。</translation>
    </message>
    <message>
        <source>Ca&amp;pture…</source>
        <comment>売上: opens the confirmation</comment>
        <translation>売上(&amp;P)…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel payment…</source>
        <comment>取消: opens the confirmation</comment>
        <translation>取消(&amp;N)…</translation>
    </message>
    <message>
        <source>Change &amp;amount…</source>
        <comment>金額変更: opens the dialog</comment>
        <translation>金額変更(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <comment>send the same action again</comment>
        <translation>再送信(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Show the new payment</source>
        <translation>新しい決済を表示(&amp;S)</translation>
    </message>
    <message>
        <source>Capture the authorized amount or a part of it</source>
        <translation>オーソリ金額の全額または一部を売上確定します</translation>
    </message>
    <message>
        <source>Cancel the authorization or the sale</source>
        <translation>オーソリまたは売上を取り消します</translation>
    </message>
    <message>
        <source>Change the amount; the gateway issues a new payment ID</source>
        <translation>金額を変更します（新しい決済IDが発行されます）</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Authorized amount</source>
        <translation>オーソリ金額</translation>
    </message>
    <message>
        <source>Capturing…</source>
        <translation>売上確定中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>取消中…</translation>
    </message>
    <message>
        <source>Changing the amount…</source>
        <translation>金額変更中…</translation>
    </message>
    <message>
        <source>%1
It is not known whether the gateway did it. Retry sends the same request again; the gateway carries it out only once. Discard gives up and shows the payment as the gateway has it.</source>
        <translation>%1
処理されたかどうかを確認できませんでした。「再送信」で同じ要求をもう一度送ります（二重に処理されることはありません）。「破棄」で諦め、ゲートウェイ上の現在の状態を表示します。</translation>
    </message>
    <message>
        <source>The amount was changed to %1. New payment ID: %2. This payment is now &quot;%3&quot;.</source>
        <translation>金額を%1に変更しました。新しい決済ID：%2。この決済は「%3」になりました。</translation>
    </message>
    <message>
        <source>Captured %1.</source>
        <translation>%1の売上を確定しました。</translation>
    </message>
    <message>
        <source>Cancelled. The payment is now &quot;%1&quot;.</source>
        <translation>取り消しました。決済ステータスは「%1」になりました。</translation>
    </message>
    <message>
        <source>Not captured: %1</source>
        <translation>売上確定できませんでした：%1</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>取消できませんでした：%1</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <comment>give up the action whose outcome is unknown, without retrying</comment>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>Give up this action without knowing its outcome and reload the payment</source>
        <translation>処理結果が不明のままこの操作を破棄し、決済を再読み込みします</translation>
    </message>
    <message>
        <source>Discarded without knowing whether the gateway did it. Check the payment, reloaded from the gateway, before you act again.</source>
        <translation>処理されたかどうか不明のまま操作を破棄しました。再度操作する前に、再読み込みした決済情報を確認してください。</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <comment>message box title: the answer to an action was lost</comment>
        <translation>処理結果不明</translation>
    </message>
    <message>
        <source>The gateway may already have captured this payment.</source>
        <translation>この決済はすでに売上確定されている可能性があります。</translation>
    </message>
    <message>
        <source>The gateway may already have cancelled this payment.</source>
        <translation>この決済はすでに取り消されている可能性があります。</translation>
    </message>
    <message>
        <source>The gateway may already have changed the amount of this payment.</source>
        <translation>この決済はすでに金額変更されている可能性があります。</translation>
    </message>
    <message>
        <source>Discard the action instead of retrying it? The payment is then reloaded to show its current state; check it before you act again.</source>
        <translation>再送信せずにこの操作を破棄しますか？破棄すると決済を再読み込みして現在の状態を表示します。再度操作する前に確認してください。</translation>
    </message>
    <message>
        <source>Close without retrying? The action can then no longer be retried. Open the payment again to see its current state before you act again.</source>
        <translation>再送信せずに閉じますか？この操作は再送信できなくなります。再度操作する前に、決済を開き直して現在の状態を確認してください。</translation>
    </message>
    <message>
        <source>&amp;Close without retrying</source>
        <translation>再送信せずに閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>keep the action whose outcome is unknown, to retry it</comment>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Replaced by payment ID %1 after an amount change</source>
        <translation>金額変更により決済ID %1 に置き換え</translation>
    </message>
    <message>
        <source>Open payment %1</source>
        <translation>決済 %1 を開く</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>置き換え先</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentExportStream</name>
    <message>
        <source>The gateway&apos;s answer broke off before its end (%1).</source>
        <translation>ゲートウェイの応答が途中で切れました（%1）。</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentExporter</name>
    <message>
        <source>The export was cancelled.</source>
        <translation>出力を中止しました。</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>支払機関名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>決済ステータス</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>取引日時</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>支払期限日</translation>
    </message>
    <message>
        <source>Cleared time</source>
        <translation>消込日時</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>決済金額</translation>
    </message>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>ゲートウェイに接続していません。</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>決済</translation>
    </message>
    <message>
        <source>this format is not available</source>
        <translation>この形式には対応していません</translation>
    </message>
    <message>
        <source>You may not export payments: your user does not have the export permission. An administrator can grant it.</source>
        <translation>決済を出力できません。このユーザーには出力権限がありません。管理者に付与を依頼してください。</translation>
    </message>
</context>
<context>
    <name>kessai::PaymentsModel</name>
    <message>
        <source>Status %1: %2</source>
        <translation>決済ステータス %1：%2</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Institution</source>
        <comment>card brand, store chain or bank</comment>
        <translation>支払機関名</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>payment status</comment>
        <translation>決済ステータス</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>取引日時</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>支払期限日</translation>
    </message>
    <message>
        <source>Cleared</source>
        <comment>time the payment was cleared</comment>
        <translation>消込日時</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>決済金額</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>購入者名</translation>
    </message>
    <message>
        <source>Card last 4</source>
        <translation>カード下4桁</translation>
    </message>
    <message>
        <source>Authorization expires</source>
        <comment>the time a card authorization lapses (オーソリ有効期限)</comment>
        <translation>オーソリ有効期限</translation>
    </message>
</context>
<context>
    <name>kessai::PayoutChart</name>
    <message>
        <source>No statements to chart yet.</source>
        <translation>グラフにする支払明細はまだありません。</translation>
    </message>
    <message numerus="yes">
        <source>Last %n payouts (payout date): net by payment method, and sales</source>
        <translation>
            <numerusform>直近%n回のお支払（支払日）：決済手段別の差引額と売上</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Net: %1</source>
        <translation>差引：%1</translation>
    </message>
    <message>
        <source>Thousand yen</source>
        <translation>千円</translation>
    </message>
</context>
<context>
    <name>kessai::Reconcile</name>
    <message>
        <source>Cannot read the ledger file: %1</source>
        <translation>台帳ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>The ledger file is empty: it needs a header line and a line per order.</source>
        <translation>台帳ファイルが空です。見出し行と、注文ごとに1行が必要です。</translation>
    </message>
    <message>
        <source>The chosen columns (取引ID: column %1, amount: column %2) do not fit this ledger&apos;s header, which has %3 columns.</source>
        <translation>選んだ列（取引ID: %1列目、金額: %2列目）がこの台帳の見出し（%3列）と合いません。</translation>
    </message>
    <message>
        <source>The header names no 取引ID column (取引ID, 注文番号, 受注番号, 受注コード, order_id or trading_id). Choose the column.</source>
        <translation>見出しに取引IDの列（取引ID、注文番号、受注番号、受注コード、order_id、trading_id）がありません。列を選んでください。</translation>
    </message>
    <message>
        <source>Columns %1 of the header could each be the 取引ID. Choose one.</source>
        <translation>見出しの %1 列目のどれもが取引IDに見えます。1つ選んでください。</translation>
    </message>
    <message>
        <source>The header names no amount column (金額, 決済金額, 請求金額, 合計金額, amount or total). Choose the column.</source>
        <translation>見出しに金額の列（金額、決済金額、請求金額、合計金額、amount、total）がありません。列を選んでください。</translation>
    </message>
    <message>
        <source>Columns %1 of the header could each be the amount. Choose one.</source>
        <translation>見出しの %1 列目のどれもが金額に見えます。1つ選んでください。</translation>
    </message>
    <message>
        <source>The 取引ID is blank.</source>
        <translation>取引IDが空欄です。</translation>
    </message>
    <message>
        <source>The amount is blank.</source>
        <translation>金額が空欄です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yen: a whole number such as 12345, 12,345, ¥12,345 or 12345円.</source>
        <translation>「%1」は円の金額ではありません。12345、12,345、¥12,345、12345円 のような整数で入力してください。</translation>
    </message>
    <message>
        <source>The ledger has a header but no orders.</source>
        <translation>台帳に見出しはありますが、注文がありません。</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Amount differs</source>
        <translation>金額相違</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>未入金</translation>
    </message>
    <message>
        <source>Not in ledger</source>
        <translation>台帳になし</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <comment>reconciliation status</comment>
        <translation>重複</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>reconciliation status column</comment>
        <translation>消込状況</translation>
    </message>
    <message>
        <source>Ledger amount</source>
        <translation>台帳の金額</translation>
    </message>
    <message>
        <source>Statement amount</source>
        <translation>明細の金額</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Ledger line</source>
        <translation>台帳の行</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済</translation>
    </message>
    <message>
        <source>The reconciliation store was written by a newer version of Kessai (schema %1; this version reads up to %2).</source>
        <translation>消込の保存データは新しいバージョンの Kessai で書かれています（スキーマ %1、このバージョンは %2 まで）。</translation>
    </message>
    <message>
        <source>There is no such reconciliation workspace.</source>
        <translation>その消込作業はありません。</translation>
    </message>
    <message>
        <source>There is no such row in the reconciliation workspace.</source>
        <translation>消込作業にその行はありません。</translation>
    </message>
    <message>
        <source>The column mapping is incomplete.</source>
        <translation>列の対応づけが完了していません。</translation>
    </message>
</context>
<context>
    <name>kessai::ReconcileModel</name>
    <message>
        <source>%1 (sold and cancelled in full)</source>
        <translation>%1（全額売上取消済）</translation>
    </message>
</context>
<context>
    <name>kessai::ReconcilePage</name>
    <message>
        <source>No ledger open.</source>
        <translation>台帳を開いていません。</translation>
    </message>
    <message>
        <source>Open ledger…</source>
        <translation>台帳を開く…</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>照合する</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Hide &amp;resolved rows</source>
        <translation>解決済の行を隠す(&amp;R)</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>結果を出力…</translation>
    </message>
    <message>
        <source>Export reconciliation report…</source>
        <translation>消込結果を出力…</translation>
    </message>
    <message>
        <source>What to reconcile</source>
        <translation>照合の条件</translation>
    </message>
    <message>
        <source>Order ledger:</source>
        <translation>受注台帳:</translation>
    </message>
    <message>
        <source>&amp;Statement:</source>
        <translation>支払明細(&amp;S):</translation>
    </message>
    <message>
        <source>Saved &amp;work:</source>
        <translation>保存した作業(&amp;W):</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>すべての状況</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>表示(&amp;H):</translation>
    </message>
    <message>
        <source>Reconciliation rows</source>
        <translation>消込結果の行</translation>
    </message>
    <message>
        <source>Delete saved work</source>
        <translation>保存した作業の削除</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; with its notes and marks?</source>
        <translation>「%1」をメモと解決済の印ごと削除しますか？</translation>
    </message>
    <message>
        <source>The note could not be saved: %1</source>
        <translation>メモを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>The reconciliation could not be saved: %1</source>
        <translation>消込結果を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The reconciliation store could not be opened: %1</source>
        <translation>消込の保存データを開けませんでした: %1</translation>
    </message>
    <message>
        <source>Payout %1 (%2) – %3 lines</source>
        <translation>支払日 %1（%2）– %3行</translation>
    </message>
    <message>
        <source>(choose saved work)</source>
        <translation>（保存した作業を選択）</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 rows resolved</source>
        <translation>%1 — %3行中 %2行解決済</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1行目: %2</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…ほか %n件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>台帳を開く</translation>
    </message>
    <message>
        <source>The ledger %1 cannot be reconciled until these lines are fixed:</source>
        <translation>台帳 %1 は次の行を直すまで照合できません:</translation>
    </message>
    <message>
        <source>%1 — %2 orders (columns: %3, %4)</source>
        <translation>%1 — %2件の注文（列: %3、%4）</translation>
    </message>
    <message>
        <source>Reading the statement…</source>
        <translation>支払明細を読み込み中…</translation>
    </message>
    <message>
        <source>Export reconciliation report</source>
        <translation>消込結果の出力</translation>
    </message>
    <message>
        <source>The export failed. No file was written.</source>
        <translation>出力に失敗しました。ファイルは作成されていません。</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSVファイル (*.csv *.txt)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>status and count</comment>
        <translation>%1 %2件</translation>
    </message>
    <message>
        <source>%1 · matched %2 · %3 of %4 rows resolved</source>
        <translation>%1&#x3000;一致額 %2&#x3000;%4行中 %3行解決済</translation>
    </message>
    <message>
        <source>Payments &amp;cleared from:</source>
        <translation>入金・売上確定日(&amp;C):</translation>
    </message>
    <message>
        <source>to</source>
        <comment>cleared from … to …</comment>
        <translation>～</translation>
    </message>
    <message>
        <source>payments cleared %1–%2</source>
        <translation>%1～%2 の入金・売上確定分</translation>
    </message>
    <message>
        <source>Enter the first and the last cleared date of the payments to reconcile against.</source>
        <translation>照合する決済の入金・売上確定日の期間（開始日と終了日）を入力してください。</translation>
    </message>
    <message>
        <source>Reading the payments…</source>
        <translation>決済を読み込み中…</translation>
    </message>
</context>
<context>
    <name>kessai::Registration</name>
    <message>
        <source>The card&apos;s balance or credit limit is not enough (1G02). Ask the customer for another card or a smaller amount.</source>
        <translation>残高または利用限度額が不足しています (1G02)。別のカードか、より少ない金額にするようお客様にお願いしてください。</translation>
    </message>
    <message>
        <source>The card cannot be used (1G12). Ask the customer to contact the card company, or to use another card.</source>
        <translation>このカードは使用できません (1G12)。カード会社に問い合わせるか、別のカードを使うようお客様にお願いしてください。</translation>
    </message>
    <message>
        <source>The security code is wrong (1G44). Ask the customer for the code on the back of the card and try again.</source>
        <translation>セキュリティコードが誤っています (1G44)。カード裏面のコードをお客様に確認し、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The card company says the card has expired (1G83). Check the expiry date with the customer.</source>
        <translation>カード会社によると有効期限が切れています (1G83)。有効期限をお客様に確認してください。</translation>
    </message>
    <message>
        <source>The card was declined (%1). Ask the customer to contact the card company, or to use another card.</source>
        <translation>カードが承認されませんでした (%1)。カード会社に問い合わせるか、別のカードを使うようお客様にお願いしてください。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必須です。</translation>
    </message>
    <message>
        <source>This is not a valid card number (check digit). Check it with the customer.</source>
        <translation>正しいカード番号ではありません（チェックディジット）。お客様に確認してください。</translation>
    </message>
    <message>
        <source>The gateway does not take this card brand.</source>
        <translation>このカードブランドは取り扱っていません。</translation>
    </message>
    <message>
        <source>A card number has 14 to 19 digits.</source>
        <translation>カード番号は14〜19桁です。</translation>
    </message>
    <message>
        <source>This card has expired.</source>
        <translation>このカードは有効期限切れです。</translation>
    </message>
    <message>
        <source>Month and year as MM/YY.</source>
        <translation>月/年を MM/YY で入力してください。</translation>
    </message>
    <message>
        <source>3 digits (4 for AMEX), on the back of the card.</source>
        <translation>カード裏面の3桁（AMEXは4桁）です。</translation>
    </message>
    <message>
        <source>The name on the card in Latin letters, as printed.</source>
        <translation>カードに印字されたローマ字の名義です。</translation>
    </message>
    <message>
        <source>1 to 25 letters, digits or _.</source>
        <translation>英数字または _ の1〜25文字です。</translation>
    </message>
    <message>
        <source>Out of range for this payment type.</source>
        <translation>この決済種別で扱える金額の範囲外です。</translation>
    </message>
    <message>
        <source>Full-width katakana.</source>
        <translation>全角カタカナで入力してください。</translation>
    </message>
    <message>
        <source>A Japanese phone number: 10 or 11 digits starting with 0.</source>
        <translation>0から始まる10〜11桁の電話番号です。</translation>
    </message>
    <message>
        <source>An e-mail address.</source>
        <translation>メールアドレスを入力してください。</translation>
    </message>
    <message>
        <source>1 to 60 days.</source>
        <translation>1〜60日です。</translation>
    </message>
    <message>
        <source>The customer&apos;s name</source>
        <translation>お客様の氏名</translation>
    </message>
    <message>
        <source>The e-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>%1 must not hold a card number. Card numbers go in the card number field only.</source>
        <translation>%1にカード番号は入力できません。カード番号はカード番号欄にのみ入力してください。</translation>
    </message>
</context>
<context>
    <name>kessai::RegistrationPage</name>
    <message>
        <source>7-Eleven</source>
        <translation>セブン-イレブン</translation>
    </message>
    <message>
        <source>Lawson</source>
        <translation>ローソン</translation>
    </message>
    <message>
        <source>FamilyMart</source>
        <translation>ファミリーマート</translation>
    </message>
    <message>
        <source>Ministop</source>
        <translation>ミニストップ</translation>
    </message>
    <message>
        <source>Daily Yamazaki</source>
        <translation>デイリーヤマザキ</translation>
    </message>
    <message>
        <source>Seicomart</source>
        <translation>セイコーマート</translation>
    </message>
    <message>
        <source>MUFG Bank</source>
        <translation>三菱UFJ銀行</translation>
    </message>
    <message>
        <source>SMBC</source>
        <translation>三井住友銀行</translation>
    </message>
    <message>
        <source>Mizuho Bank</source>
        <translation>みずほ銀行</translation>
    </message>
    <message>
        <source>Rakuten Bank</source>
        <translation>楽天銀行</translation>
    </message>
    <message>
        <source>Japan Post Bank</source>
        <translation>ゆうちょ銀行</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>&amp;Authorize only (仮売上)</source>
        <translation>仮売上(&amp;A)</translation>
    </message>
    <message>
        <source>Authorize and &amp;capture (即時売上)</source>
        <translation>即時売上(&amp;C)</translation>
    </message>
    <message>
        <source>Where and until when</source>
        <translation>支払先と期限</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>購入者</translation>
    </message>
    <message>
        <source>&amp;Check and register…</source>
        <translation>確認して登録(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>再送信(&amp;S)</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>クレジットカード</translation>
    </message>
    <message>
        <source>Convenience store</source>
        <translation>コンビニ</translation>
    </message>
    <message>
        <source>ATM (Pay-easy)</source>
        <translation>ATM（ペイジー）</translation>
    </message>
    <message>
        <source>Online banking</source>
        <translation>銀行ネット</translation>
    </message>
    <message>
        <source>1–25 letters, digits or _</source>
        <translation>英数字・_ の1〜25文字</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>カード番号</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>MM/YY</translation>
    </message>
    <message>
        <source>As printed on the card</source>
        <translation>カードの印字どおり</translation>
    </message>
    <message>
        <source>Lump sum (一括)</source>
        <translation>一括</translation>
    </message>
    <message>
        <source>Installments (分割)</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Bonus lump sum (ボーナス一括)</source>
        <translation>ボーナス一括</translation>
    </message>
    <message>
        <source>Revolving (リボ)</source>
        <translation>リボ</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n回</numerusform>
        </translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>セキュリティコード</translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation>カード名義</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Payment class</source>
        <translation>支払区分</translation>
    </message>
    <message>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>コンビニ</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>銀行</translation>
    </message>
    <message>
        <source>Pay within</source>
        <translation>支払期限</translation>
    </message>
    <message>
        <source>Full-width katakana (converted as you type)</source>
        <translation>全角カタカナ（入力に合わせて変換します）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>氏名カナ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Trading ID (取引ID)</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Send the same registration again under the same key: it is registered once</source>
        <translation>同じ登録を同じキーで再送信します。登録されるのは1回だけです</translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation>続けて登録(&amp;N)</translation>
    </message>
    <message>
        <source>Customer (optional)</source>
        <translation>購入者（任意）</translation>
    </message>
    <message>
        <source>Unknown brand</source>
        <translation>不明なブランド</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s)</source>
        <translation>
            <numerusform>%n桁</numerusform>
        </translation>
    </message>
    <message>
        <source>Required: 1 to 25 letters, digits or _.</source>
        <translation>必須です: 英数字または _ の1〜25文字。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必須です。</translation>
    </message>
    <message>
        <source>A card number has 14 to 19 digits.</source>
        <translation>カード番号は14〜19桁です。</translation>
    </message>
    <message>
        <source>The gateway does not take this card brand.</source>
        <translation>このカードブランドは取り扱っていません。</translation>
    </message>
    <message>
        <source>This is not a valid card number (check digit). Check it with the customer.</source>
        <translation>正しいカード番号ではありません（チェックディジット）。お客様に確認してください。</translation>
    </message>
    <message>
        <source>Month and year as MM/YY.</source>
        <translation>月/年を MM/YY で入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s), on the back of the card.</source>
        <translation>
            <numerusform>カード裏面の%n桁です。</numerusform>
        </translation>
    </message>
    <message>
        <source>The name on the card in Latin letters, as printed.</source>
        <translation>カードに印字されたローマ字の名義です。</translation>
    </message>
    <message>
        <source>Full-width katakana.</source>
        <translation>全角カタカナで入力してください。</translation>
    </message>
    <message>
        <source>Required: the store asks for it.</source>
        <translation>必須です（店頭で確認されます）。</translation>
    </message>
    <message>
        <source>Payment type: %1</source>
        <translation>決済種別: %1</translation>
    </message>
    <message>
        <source>Trading ID: %1</source>
        <translation>取引ID: %1</translation>
    </message>
    <message>
        <source>Amount: %1</source>
        <translation>金額: %1</translation>
    </message>
    <message>
        <source>Card: %1 %2, expiry %3</source>
        <translation>カード: %1 %2（有効期限 %3）</translation>
    </message>
    <message>
        <source>Payment class: %1</source>
        <translation>支払区分: %1</translation>
    </message>
    <message>
        <source>Authorize and capture with these details</source>
        <translation>この内容で即時売上する</translation>
    </message>
    <message>
        <source>Authorize with these details</source>
        <translation>この内容で仮売上する</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>コンビニ: %1</translation>
    </message>
    <message>
        <source>Bank: %1</source>
        <translation>銀行: %1</translation>
    </message>
    <message>
        <source>Pay by: %1</source>
        <translation>支払期限: %1</translation>
    </message>
    <message>
        <source>Customer: %1 (%2)</source>
        <translation>購入者: %1（%2）</translation>
    </message>
    <message>
        <source>Register with these details</source>
        <translation>この内容で登録する</translation>
    </message>
    <message>
        <source>Confirm the registration</source>
        <translation>登録内容の確認</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <comment>leave without doing the action</comment>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>No answer from the gateway (%1). Send it again: under the same key it is registered once, however often it is sent.</source>
        <translation>ゲートウェイから応答がありません (%1)。再送信してください。同じキーで送るため、何度送っても登録は1回だけです。</translation>
    </message>
    <message>
        <source>The gateway refused some fields; they are marked. The card number and security code were cleared: type them again.</source>
        <translation>一部の項目が受け付けられませんでした（該当項目に表示しています）。カード番号とセキュリティコードは消去しました。もう一度入力してください。</translation>
    </message>
    <message>
        <source>This trading ID is already used; choose another.</source>
        <translation>この取引IDは使用済みです。別の取引IDにしてください。</translation>
    </message>
    <message>
        <source>Already used by payment %1.</source>
        <translation>決済 %1 で使用済みです。</translation>
    </message>
</context>
<context>
    <name>kessai::RegistrationResultView</name>
    <message>
        <source>Registered</source>
        <translation>登録しました</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>コピー(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Open the payment</source>
        <translation>決済を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation>続けて登録(&amp;N)</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1・%2: %3</translation>
    </message>
    <message>
        <source>Payment ID: %1   Trading ID: %2</source>
        <translation>決済ID: %1&#x3000;取引ID: %2</translation>
    </message>
    <message>
        <source>Receipt number (受付番号) at %1, to pay by %2.</source>
        <translation>%1 の受付番号です。支払期限は %2。</translation>
    </message>
    <message>
        <source>Customer number (お客様番号) for Pay-easy, to pay by %1.</source>
        <translation>ペイジーのお客様番号です。支払期限は %1。</translation>
    </message>
    <message>
        <source>%1, to pay by %2.</source>
        <translation>%1・支払期限 %2。</translation>
    </message>
    <message>
        <source>Card %1 %2…%3</source>
        <translation>カード %1 %2…%3</translation>
    </message>
</context>
<context>
    <name>kessai::SearchConditions</name>
    <message>
        <source>Search conditions</source>
        <translation>検索条件</translation>
    </message>
    <message>
        <source>What is this charge?…</source>
        <translation>この請求は何？…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>exact, or prefix*</source>
        <translation>完全一致、または前方一致*</translation>
    </message>
    <message>
        <source>the whole ID (exact match)</source>
        <translation>全桁（完全一致）</translation>
    </message>
    <message>
        <source>name, kana or phone</source>
        <translation>氏名・カナ・電話番号</translation>
    </message>
    <message>
        <source>Find a payment from its date, amount and the card&apos;s last 4 digits</source>
        <translation>日付・金額・カード番号下4桁から決済を探します</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>検索（Enter）</translation>
    </message>
    <message>
        <source>Trading ID:</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID:</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>決済ステータス</translation>
    </message>
    <message>
        <source>Payment type:</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Card last 4:</source>
        <translation>カード下4桁</translation>
    </message>
    <message>
        <source>Trade date:</source>
        <translation>取引日</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>支払期限日</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>購入者</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>決済金額</translation>
    </message>
    <message>
        <source>yen</source>
        <translation>円</translation>
    </message>
    <message>
        <source>Cleared date:</source>
        <translation>消込日</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>保存した検索</translation>
    </message>
    <message>
        <source>The amount range is reversed: the first amount must not be larger than the second.</source>
        <translation>金額の範囲が逆です。下限は上限以下にしてください。</translation>
    </message>
    <message>
        <source>Enter all 4 last digits of the card.</source>
        <translation>カード番号の下4桁をすべて入力してください。</translation>
    </message>
    <message>
        <source>Authorized or captured %1 – %2</source>
        <translation>オーソリ日または売上日 %1 〜 %2</translation>
    </message>
    <message>
        <source>Back to my search</source>
        <translation>元の検索に戻る</translation>
    </message>
    <message>
        <source>Card authorizations that lapse within this many days (0 = today): capture them before they expire. Empty: no such condition.</source>
        <translation>この日数以内に有効期限が切れるカードのオーソリ（0 = 今日）。期限切れ前に売上確定してください。空欄なら条件なし。</translation>
    </message>
    <message>
        <source>The conditions you had before “What is this charge?”, searched again</source>
        <translation>問い合わせ検索の前の検索条件で、もう一度検索します</translation>
    </message>
    <message>
        <source>Authorization expires:</source>
        <translation>オーソリ期限</translation>
    </message>
    <message>
        <source>days or sooner</source>
        <comment>after &apos;Authorization expires: [N]&apos;</comment>
        <translation>日以内</translation>
    </message>
</context>
<context>
    <name>kessai::SearchPage</name>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>%1 shown (counting…)</source>
        <translation>%1件を表示（件数を集計中…）</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>全件チェック</translation>
    </message>
    <message>
        <source>Uncheck all</source>
        <translation>全件チェック解除</translation>
    </message>
    <message>
        <source>Check every payment that matches the search, not only the loaded rows</source>
        <translation>表示中の行だけでなく、検索条件に一致するすべての決済を選択します</translation>
    </message>
    <message>
        <source>All matching payments checked (counting…)</source>
        <translation>検索条件に一致するすべての決済を選択済み（件数を集計中…）</translation>
    </message>
    <message>
        <source>All %1 matching payments checked</source>
        <translation>検索条件に一致する%1件すべてを選択済み</translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation>%1件を選択中</translation>
    </message>
    <message>
        <source>%1 of %2 matching payments checked</source>
        <translation>検索結果 %2件中 %1件を選択済み</translation>
    </message>
    <message>
        <source>Exporting payments…</source>
        <translation>決済情報を出力しています…</translation>
    </message>
    <message>
        <source>Save these conditions…</source>
        <translation>この検索条件を保存…</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>検索条件の保存</translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation>検索条件の名前</translation>
    </message>
    <message>
        <source>Replace the saved search &quot;%1&quot;?</source>
        <translation>保存済みの検索条件「%1」を置き換えますか？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh results</source>
        <translation>検索結果を更新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the shown payments again, keeping checks, selection and scroll position</source>
        <translation>表示中の決済を読み直します（チェック・選択・表示位置はそのまま）</translation>
    </message>
    <message>
        <source>Search &amp;conditions</source>
        <translation>検索条件(&amp;C)</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>列を初期状態に戻す</translation>
    </message>
    <message numerus="yes">
        <source>%1 result(s), %2 shown</source>
        <translation>
            <numerusform>検索結果 %1件中、%2件を表示</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter</source>
        <comment>key</comment>
        <translation>Enter</translation>
    </message>
    <message>
        <source>In the search conditions: search; again on a single result: open it</source>
        <translation>検索条件で: 検索。結果が1件のときにもう一度押すと、その決済を開く</translation>
    </message>
    <message>
        <source>Esc</source>
        <comment>key</comment>
        <translation>Esc</translation>
    </message>
    <message>
        <source>In a condition: clear that condition</source>
        <translation>検索条件で: その条件を消去</translation>
    </message>
    <message>
        <source>Down</source>
        <comment>key</comment>
        <translation>↓</translation>
    </message>
    <message>
        <source>From the search conditions to the results</source>
        <translation>検索条件から検索結果へ移動</translation>
    </message>
    <message>
        <source>F4, Alt+Down</source>
        <comment>key</comment>
        <translation>F4, Alt+↓</translation>
    </message>
    <message>
        <source>In a date: open the calendar</source>
        <translation>日付欄で: カレンダーを開く</translation>
    </message>
    <message>
        <source>Space</source>
        <comment>key</comment>
        <translation>Space</translation>
    </message>
    <message>
        <source>In the results: check or uncheck the current payment</source>
        <translation>検索結果で: 選択中の決済のチェックを付ける／外す</translation>
    </message>
    <message>
        <source>In the results: open the current payment</source>
        <translation>検索結果で: 選択中の決済を開く</translation>
    </message>
    <message>
        <source>The search conditions have changed: the results below are still those of the previous search (press Enter to search). Export and check all use the results shown.</source>
        <translation>検索条件が変更されています。下の結果は前回の検索条件のものです（Enterで検索）。CSV出力と全件チェックは表示中の結果に対して行われます。</translation>
    </message>
    <message>
        <source>Payment %1 no longer matches the search conditions; the next payment, %2, is selected.</source>
        <translation>決済ID %1 は検索条件に合わなくなりました。次の決済（%2）を選択しています。</translation>
    </message>
    <message>
        <source>%1
The results below are as the gateway had them at %2 (Japan time) and may be out of date.</source>
        <translation>%1
下の結果は %2（日本時間）時点のもので、最新ではない可能性があります。</translation>
    </message>
    <message numerus="yes">
        <source>%1 result(s), %2 in total, %3 shown</source>
        <translation>
            <numerusform>検索結果 %1件（合計 %2）中、%3件を表示</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>出力…</translation>
    </message>
    <message>
        <source>Export every payment that matches the search to a CSV or Excel file</source>
        <translation>検索条件に合うすべての決済を CSV または Excel ファイルに出力します</translation>
    </message>
    <message>
        <source>Export payments</source>
        <translation>決済の出力</translation>
    </message>
    <message>
        <source>Every payment that matches the current search is exported, not only the rows on screen. Card numbers are never exported.</source>
        <translation>画面に表示中の行だけでなく、検索条件に合う決済をすべて出力します。カード番号は出力されません。</translation>
    </message>
</context>
<context>
    <name>kessai::StatementDocument</name>
    <message>
        <source>Settlement statement</source>
        <translation>支払明細書</translation>
    </message>
    <message>
        <source>Merchant ID: %1</source>
        <translation>加盟店ID：%1</translation>
    </message>
    <message>
        <source>Statement number</source>
        <translation>明細番号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>対象期間</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>statement period</comment>
        <translation>%1～%2</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>締め日</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>支払日</translation>
    </message>
    <message>
        <source>Payout amount</source>
        <translation>お支払額</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>決済手段別の内訳</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>決済手段</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>手数料率</translation>
    </message>
    <message>
        <source>Sales (count)</source>
        <translation>売上件数</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancels (count)</source>
        <translation>取消件数</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手数料</translation>
    </message>
    <message>
        <source>Tax on fees</source>
        <translation>手数料消費税</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>差引金額</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>No sales or cancels in this period.</source>
        <translation>この期間の売上・取消はありません。</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>お支払額</translation>
    </message>
    <message>
        <source>Consumption tax on fees (10%)</source>
        <translation>手数料の消費税（10%）</translation>
    </message>
    <message>
        <source>Carried in from the previous statement</source>
        <translation>前回繰越</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>振込手数料</translation>
    </message>
    <message>
        <source>Carried over to the next statement</source>
        <translation>次回繰越</translation>
    </message>
    <message>
        <source>Nothing is paid out for this period: the balance is carried over to the next statement.</source>
        <translation>この期間のお支払はありません。残高は次回に繰り越されます。</translation>
    </message>
    <message numerus="yes">
        <source>Consumption tax is rounded down once per statement. %Ln line(s). Closed %1 (Japan time).</source>
        <translation>
            <numerusform>消費税は明細ごとに1回、切り捨てで計算しています。明細行 %Ln件。確定日時 %1（日本時間）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Settlement statement %1</source>
        <translation>支払明細書 %1</translation>
    </message>
</context>
<context>
    <name>kessai::StatementExport</name>
    <message>
        <source>Period start</source>
        <translation>対象期間開始日</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>締め日</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>支払日</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Payment type code</source>
        <translation>決済種別コード</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>手数料率</translation>
    </message>
    <message>
        <source>Fixed fee</source>
        <translation>固定手数料</translation>
    </message>
    <message>
        <source>Sales (count)</source>
        <translation>売上件数</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancels (count)</source>
        <translation>取消件数</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手数料</translation>
    </message>
    <message>
        <source>Tax on fees</source>
        <translation>手数料消費税</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Carried in from the previous statement</source>
        <translation>前回繰越</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>振込手数料</translation>
    </message>
    <message>
        <source>Carried over to the next statement</source>
        <translation>次回繰越</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>お支払額</translation>
    </message>
    <message>
        <source>this format is not available</source>
        <translation>この形式には対応していません</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手数料</translation>
    </message>
    <message>
        <source>Sale</source>
        <comment>statement line kind: 売上</comment>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>statement line kind: 取消</comment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>kessai::StatementLinesModel</name>
    <message>
        <source>Sale</source>
        <comment>statement line kind: 売上</comment>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>statement line kind: 取消</comment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>決済手段</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手数料</translation>
    </message>
</context>
<context>
    <name>kessai::StatementLinesReader</name>
    <message>
        <source>Not connected to the gateway.</source>
        <translation>ゲートウェイに接続していません。</translation>
    </message>
</context>
<context>
    <name>kessai::StatementMethodsModel</name>
    <message>
        <source>%1 + %2</source>
        <comment>fee rule: rate + fixed fee</comment>
        <translation>%1＋%2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>決済手段</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>手数料率</translation>
    </message>
    <message>
        <source>Sales (count)</source>
        <translation>売上件数</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancels (count)</source>
        <translation>取消件数</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手数料</translation>
    </message>
    <message>
        <source>Tax on fees</source>
        <translation>手数料消費税</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>差引金額</translation>
    </message>
</context>
<context>
    <name>kessai::StatementsModel</name>
    <message>
        <source>%1 – %2</source>
        <comment>statement period: first day – closing day</comment>
        <translation>%1～%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln sales)</source>
        <translation>
            <numerusform>%1（%Ln件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln cancels)</source>
        <translation>
            <numerusform>%1（%Ln件）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>carry-over: brought in → carried out</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Fees %1 + consumption tax %2</source>
        <translation>手数料 %1＋消費税 %2</translation>
    </message>
    <message>
        <source>Nothing paid out: the balance of %1 is carried over to the next statement.</source>
        <translation>お支払はありません。残高 %1 は次回に繰り越されます。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>対象期間</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>締め日</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>支払日</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fees and tax</source>
        <translation>手数料・消費税</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>振込手数料</translation>
    </message>
    <message>
        <source>Carry-over</source>
        <translation>繰越</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>お支払額</translation>
    </message>
</context>
<context>
    <name>kessai::StatementsPage</name>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Export statement…</source>
        <translation>明細書を出力…</translation>
    </message>
    <message>
        <source>Export lines…</source>
        <translation>明細行を出力…</translation>
    </message>
    <message>
        <source>Reload statements</source>
        <translation>支払明細を再読み込み</translation>
    </message>
    <message>
        <source>Export statement lines…</source>
        <translation>支払明細の明細行を出力…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>すべての年</translation>
    </message>
    <message>
        <source>Payout &amp;year:</source>
        <translation>支払年(&amp;Y):</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>支払明細</translation>
    </message>
    <message>
        <source>Breakdown by payment method</source>
        <translation>決済手段別の内訳</translation>
    </message>
    <message>
        <source>&amp;Breakdown</source>
        <translation>内訳(&amp;B)</translation>
    </message>
    <message>
        <source>All payment methods</source>
        <translation>すべての決済手段</translation>
    </message>
    <message>
        <source>Sales and cancels</source>
        <translation>売上と取消</translation>
    </message>
    <message>
        <source>Statement lines</source>
        <translation>明細行</translation>
    </message>
    <message>
        <source>Double-click a line (or press Enter) to open its payment.</source>
        <translation>行をダブルクリック（または Enter）で決済の詳細を開きます。</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>決済手段(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>区分(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>明細行(&amp;L)</translation>
    </message>
    <message>
        <source>Up / Down in the list</source>
        <translation>一覧で ↑ / ↓</translation>
    </message>
    <message>
        <source>Show another statement</source>
        <translation>別の支払明細を表示</translation>
    </message>
    <message>
        <source>Enter on a line</source>
        <translation>明細行で Enter</translation>
    </message>
    <message>
        <source>Open the line&apos;s payment</source>
        <translation>その行の決済を開く</translation>
    </message>
    <message>
        <source>%1 · closing date %2 · payout date %3</source>
        <translation>%1&#x3000;締め日 %2&#x3000;支払日 %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>ゲートウェイの応答を読み取れませんでした。</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手数料</translation>
    </message>
    <message>
        <source>Consumption tax on fees</source>
        <translation>手数料の消費税</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>差引金額</translation>
    </message>
    <message>
        <source>Carried in from the previous statement</source>
        <translation>前回繰越</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>振込手数料</translation>
    </message>
    <message>
        <source>Carried over to the next statement</source>
        <translation>次回繰越</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>お支払額</translation>
    </message>
    <message>
        <source>The figures of this statement do not add up. Do not use it for accounting; report it to the payment company.</source>
        <translation>この支払明細の金額が合いません。経理には使わず、決済代行会社にご連絡ください。</translation>
    </message>
    <message>
        <source>%1 of %2 lines shown</source>
        <translation>%2件中 %1件を表示</translation>
    </message>
    <message>
        <source>Export statement</source>
        <translation>明細書の出力</translation>
    </message>
    <message>
        <source>The export failed. No file was written.</source>
        <translation>出力に失敗しました。ファイルは作成されていません。</translation>
    </message>
    <message>
        <source>Export statement lines</source>
        <translation>明細行の出力</translation>
    </message>
    <message>
        <source>Exporting statement lines…</source>
        <translation>明細行を出力しています…</translation>
    </message>
    <message>
        <source>One row per payment method, the totals and the payout.</source>
        <translation>決済手段ごとに1行、合計とお支払額を出力します。</translation>
    </message>
    <message>
        <source>Every line of the statement that the method and kind filters show, not only the rows on screen.</source>
        <translation>画面に表示中の行だけでなく、決済手段・区分の条件に合う明細行をすべて出力します。</translation>
    </message>
    <message>
        <source>Statement PDF…</source>
        <translation>明細書PDF…</translation>
    </message>
    <message>
        <source>Save the statement as PDF…</source>
        <translation>支払明細書をPDFで保存…</translation>
    </message>
    <message>
        <source>Save the statement as PDF</source>
        <translation>支払明細書をPDFで保存</translation>
    </message>
    <message>
        <source>The PDF could not be written. No file was written.</source>
        <translation>PDFを書き込めませんでした。ファイルは作成されていません。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Statement %1</source>
        <translation>支払明細 %1</translation>
    </message>
    <message>
        <source>Lines %1</source>
        <translation>明細行 %1</translation>
    </message>
</context>
<context>
    <name>kessai::StatusFilter</name>
    <message>
        <source>All statuses</source>
        <translation>すべてのステータス</translation>
    </message>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation>
            <numerusform>%n件のステータス</numerusform>
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
        <translation>この請求は何？（問い合わせ検索）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Enter what the customer sees on the card statement.</source>
        <translation>お客様のカード利用明細に記載された内容を入力してください。</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>利用日</translation>
    </message>
    <message>
        <source>Amount (yen):</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <source>Card last 4:</source>
        <translation>カード下4桁</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Enter the amount in yen, for example 6,300.</source>
        <translation>金額を円で入力してください（例：6,300）。</translation>
    </message>
    <message>
        <source>Enter the last 4 digits of the card.</source>
        <translation>カード番号の下4桁を入力してください。</translation>
    </message>
</context>
<context>
    <name>kessai::TableExportDialog</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>CSV, UTF-8 with BOM (Excel)</source>
        <translation>CSV（UTF-8 BOM付き・Excel向け）</translation>
    </message>
    <message>
        <source>CSV, Shift_JIS (Japanese accounting software)</source>
        <translation>CSV（Shift_JIS・会計ソフト向け）</translation>
    </message>
    <message>
        <source>CSV, UTF-8 without BOM</source>
        <translation>CSV（UTF-8 BOMなし）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel ブック（.xlsx）</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Column names in &amp;English</source>
        <translation>列名を英語にする(&amp;E)</translation>
    </message>
    <message>
        <source>For macros and imports that look for fixed column names, whatever the language the console is shown in.</source>
        <translation>コンソールの表示言語にかかわらず、決まった列名を探すマクロや取り込み処理のために使います。</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>列(&amp;C):</translation>
    </message>
    <message>
        <source>Tick the columns the file has; their order here is their order in the file.</source>
        <translation>ファイルに出力する列にチェックを付けます。ここでの並び順がファイルの列の順になります。</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上へ(&amp;U)</translation>
    </message>
    <message>
        <source>Alt+Up in the list</source>
        <translation>一覧で Alt+↑</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下へ(&amp;D)</translation>
    </message>
    <message>
        <source>Alt+Down in the list</source>
        <translation>一覧で Alt+↓</translation>
    </message>
    <message>
        <source>&amp;All, as shipped</source>
        <translation>すべて・初期順(&amp;A)</translation>
    </message>
    <message>
        <source>Every column, in the default order.</source>
        <translation>すべての列を初期の並び順で出力します。</translation>
    </message>
</context>
<context>
    <name>kessai::TableWriter</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>row %1, column %2: %3</source>
        <translation>%1行目、%2列目: %3</translation>
    </message>
    <message>
        <source>The workbook is already open.</source>
        <translation>ブックはすでに開いています。</translation>
    </message>
    <message>
        <source>The workbook is not open.</source>
        <translation>ブックが開いていません。</translation>
    </message>
    <message>
        <source>An Excel sheet holds at most %L1 rows; export as CSV instead.</source>
        <translation>Excel のシートには最大 %L1 行しか入りません。CSVで出力してください。</translation>
    </message>
</context>
<context>
    <name>kessai::UserAdmin</name>
    <message>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>Payment viewed</source>
        <translation>決済の参照</translation>
    </message>
    <message>
        <source>Payments exported</source>
        <translation>決済の出力</translation>
    </message>
    <message>
        <source>Capture (売上)</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancel (取消)</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Change amount (金額変更)</source>
        <translation>金額変更</translation>
    </message>
    <message>
        <source>Payment registered</source>
        <translation>決済新規登録</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>ユーザー作成</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>ユーザー変更</translation>
    </message>
    <message>
        <source>User unlocked</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>証明書発行</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>証明書失効</translation>
    </message>
    <message>
        <source>User list</source>
        <translation>ユーザー一覧</translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation>操作ログ参照</translation>
    </message>
    <message>
        <source>Statements listed</source>
        <translation>支払明細一覧</translation>
    </message>
    <message>
        <source>Statement viewed</source>
        <translation>支払明細参照</translation>
    </message>
    <message>
        <source>Sandbox clock moved</source>
        <translation>サンドボックス時計の変更</translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation>参照：%1</translation>
    </message>
    <message>
        <source>Sees %1 payments in searches, details and exports.</source>
        <translation>%1の決済を検索・詳細・出力で見られます。</translation>
    </message>
    <message>
        <source>Confirms the sale of authorized card payments, one by one or in bulk.</source>
        <translation>オーソリ済みのカード決済を、1件ずつまたは一括で売上確定します。</translation>
    </message>
    <message>
        <source>Cancels authorizations and sales, one by one or in bulk.</source>
        <translation>オーソリや売上を、1件ずつまたは一括で取り消します。</translation>
    </message>
    <message>
        <source>Changes the amount of a card payment.</source>
        <translation>カード決済の金額を変更します。</translation>
    </message>
    <message>
        <source>Register payments</source>
        <translation>決済新規登録</translation>
    </message>
    <message>
        <source>Registers card, コンビニ, ATM and 銀行ネット payments by hand.</source>
        <translation>カード・コンビニ・ATM・銀行ネットの決済を手入力で登録します。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Writes search results to files (CSV, Excel).</source>
        <translation>検索結果をファイル（CSV・Excel）に出力します。</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>支払明細</translation>
    </message>
    <message>
        <source>Reads settlement statements (支払明細), exports them and reconciles them (消込).</source>
        <translation>支払明細を参照・出力し、消込を行います。</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>ユーザー管理</translation>
    </message>
    <message>
        <source>Adds and changes users, issues and revokes certificates, reads the audit log — never beyond the rights they hold themselves.</source>
        <translation>ユーザーの追加・変更、証明書の発行・失効、操作ログの参照を行います（自分が持つ権限の範囲内に限ります）。</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>パスワードのリセット</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>パスワード変更</translation>
    </message>
</context>
<context>
    <name>kessai::UserEditorDialog</name>
    <message>
        <source>Edit user %1</source>
        <translation>ユーザー %1 の編集</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>ユーザーの新規作成</translation>
    </message>
    <message>
        <source>3–32 letters, digits, _ . -</source>
        <translation>英数字と _ . - で3～32文字</translation>
    </message>
    <message>
        <source>&amp;Login ID:</source>
        <translation>ログインID(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>権限区分(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>初期パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>At least 12 characters with letters and digits. Shown once: hand it to the user yourself, separately from the certificate&apos;s passphrase.</source>
        <translation>英字と数字を含む12文字以上。表示は一度きりです。証明書のパスフレーズとは別の経路で本人に渡してください。</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>権限</translation>
    </message>
    <message>
        <source>You do not hold this right yourself, so you cannot give it.</source>
        <translation>ご自身がこの権限を持っていないため、付与できません。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>ユーザーを作成</translation>
    </message>
    <message>
        <source>Only an administrator can give the administrator role.</source>
        <translation>管理者権限を付与できるのは管理者だけです。</translation>
    </message>
    <message>
        <source>The login ID needs 3–32 letters, digits, _ . or -.</source>
        <translation>ログインIDは英数字と _ . - で3～32文字にしてください。</translation>
    </message>
    <message>
        <source>&quot;system&quot; is the gateway&apos;s own name and cannot be a user.</source>
        <translation>「system」はゲートウェイ自身の名前のため、ユーザーには使えません。</translation>
    </message>
    <message>
        <source>Enter the user&apos;s name.</source>
        <translation>氏名を入力してください。</translation>
    </message>
    <message>
        <source>The initial password needs at least 12 characters with letters and digits.</source>
        <translation>初期パスワードは英字と数字を含む12文字以上にしてください。</translation>
    </message>
    <message>
        <source>You cannot take user management away from yourself: nobody could undo it.</source>
        <translation>ご自身のユーザー管理権限は外せません（元に戻せる人がいなくなります）。</translation>
    </message>
    <message>
        <source>The name must not hold a card number.</source>
        <translation>氏名にカード番号は入力できません。</translation>
    </message>
</context>
<context>
    <name>kessai::UsersModel</name>
    <message>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>%1 までロック中</translation>
    </message>
    <message>
        <source>No certificate: cannot log in</source>
        <translation>証明書なし：ログイン不可</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1… (revoked)</source>
        <translation>%1…（失効）</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256 フィンガープリント: %1</translation>
    </message>
    <message>
        <source>Login ID</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>権限区分</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <source>Certificate expires</source>
        <translation>証明書の有効期限</translation>
    </message>
    <message>
        <source>Active; password reset, to be changed at next login</source>
        <translation>有効（パスワードリセット済み・次回ログイン時に変更）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最終ログイン</translation>
    </message>
</context>
<context>
    <name>kessai::UsersPage</name>
    <message>
        <source>%1 exists already; choose another name.</source>
        <translation>%1 はすでにあります。別の名前を選んでください。</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>新規ユーザー(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Issue certificate…</source>
        <translation>証明書を発行(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Revoke certificate…</source>
        <translation>証明書を失効(&amp;R)…</translation>
    </message>
    <message>
        <source>Reload users</source>
        <translation>ユーザー一覧を再読み込み</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新規ユーザー…</translation>
    </message>
    <message>
        <source>Filter by login ID or name</source>
        <translation>ログインIDまたは氏名で絞り込み</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read.</source>
        <translation>ゲートウェイの応答を読み取れませんでした。</translation>
    </message>
    <message>
        <source>Only an administrator can change an administrator&apos;s account.</source>
        <translation>管理者のアカウントを変更できるのは管理者だけです。</translation>
    </message>
    <message>
        <source>%1 holds rights you do not hold yourself, so only an administrator can change the account.</source>
        <translation>%1 はご自身が持っていない権限を持つため、このアカウントを変更できるのは管理者だけです。</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>有効にする(&amp;E)</translation>
    </message>
    <message>
        <source>User %1 created. Issue a certificate so that the user can log in.</source>
        <translation>ユーザー %1 を作成しました。ログインできるよう証明書を発行してください。</translation>
    </message>
    <message>
        <source>User %1 saved.</source>
        <translation>ユーザー %1 を保存しました。</translation>
    </message>
    <message>
        <source>User %1 unlocked.</source>
        <translation>ユーザー %1 のロックを解除しました。</translation>
    </message>
    <message>
        <source>The certificate of %1 is revoked: its next connection is refused.</source>
        <translation>%1 の証明書を失効させました。次の接続から拒否されます。</translation>
    </message>
    <message>
        <source>The certificate was issued but could not be saved (%1). Issue it again.</source>
        <translation>証明書は発行されましたが保存できませんでした（%1）。もう一度発行してください。</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>応答を読み取れません</translation>
    </message>
    <message>
        <source>Certificate for %1 saved to %2.</source>
        <translation>%1 の証明書を %2 に保存しました。</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>証明書発行</translation>
    </message>
    <message>
        <source>The certificate of %1 is saved to:
%2

Its passphrase is shown only now. Give the file and the passphrase to the user by different channels (for example the file by e-mail, the passphrase by phone).</source>
        <translation>%1 の証明書を次の場所に保存しました:
%2

パスフレーズは今回だけ表示されます。ファイルとパスフレーズは別々の経路で本人に渡してください（例：ファイルはメール、パスフレーズは電話）。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>ユーザーの新規作成</translation>
    </message>
    <message>
        <source>Initial password of %1 (shown only now):

%2

The user cannot log in until you issue a certificate.</source>
        <translation>%1 の初期パスワード（今回だけ表示されます）:

%2

証明書を発行するまで、このユーザーはログインできません。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>ユーザーを無効にする</translation>
    </message>
    <message>
        <source>Disable %1 (%2)? Their sessions end at once and they cannot log in until enabled again.</source>
        <translation>%1（%2）を無効にしますか？ 接続中のセッションはすぐに終了し、有効に戻すまでログインできません。</translation>
    </message>
    <message>
        <source>Issue certificate</source>
        <translation>証明書の発行</translation>
    </message>
    <message>
        <source>%1 has a certificate. Issuing a new one revokes it and ends its sessions. Go on?</source>
        <translation>%1 には証明書があります。新しく発行すると今の証明書は失効し、セッションも終了します。続けますか？</translation>
    </message>
    <message>
        <source>Save the certificate of %1</source>
        <translation>%1 の証明書を保存</translation>
    </message>
    <message>
        <source>PKCS#12 certificate (*.p12)</source>
        <translation>PKCS#12 証明書 (*.p12)</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>証明書の失効</translation>
    </message>
    <message>
        <source>Revoke the certificate of %1 (%2)? They cannot connect until a new one is issued.</source>
        <translation>%1（%2）の証明書を失効させますか？ 新しい証明書を発行するまで接続できなくなります。</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>パスワードをリセット(&amp;P)…</translation>
    </message>
    <message>
        <source>You cannot disable yourself or revoke your own certificate: nobody could undo it. Change your own password with File → Change password.</source>
        <translation>自分自身を無効にしたり、自分の証明書を失効させたりすることはできません（元に戻せる人がいなくなるため）。自分のパスワードは「ファイル → パスワードを変更」で変更してください。</translation>
    </message>
    <message>
        <source>The password of %1 was reset but the gateway&apos;s answer could not be read. Reset it again.</source>
        <translation>%1 のパスワードはリセットされましたが、ゲートウェイの応答を読み取れませんでした。もう一度リセットしてください。</translation>
    </message>
    <message>
        <source>The password of %1 is reset; they choose a new one at their next login.</source>
        <translation>%1 のパスワードをリセットしました。次回ログイン時に本人が新しいパスワードを設定します。</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>パスワードのリセット</translation>
    </message>
    <message>
        <source>The new password of %1 is shown only now. Give it to the user by a channel other than the certificate&apos;s (for example by phone). At their next login they must choose their own.</source>
        <translation>%1 の新しいパスワードは今回しか表示されません。証明書とは別の経路（電話など）で本人に伝えてください。次回ログイン時に本人が自分のパスワードに変更する必要があります。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>パスワードのリセット</translation>
    </message>
    <message>
        <source>Reset the password of %1 (%2)? Their sessions end at once, the gateway makes a new password that is shown to you once, and they must change it at their next login.</source>
        <translation>%1（%2）のパスワードをリセットしますか?セッションはすぐに終了し、ゲートウェイが新しいパスワードを作成して一度だけ表示します。本人は次回ログイン時にパスワードを変更する必要があります。</translation>
    </message>
</context>
<context>
    <name>kessaictl</name>
    <message>
        <source>No profile named &quot;%1&quot;. Known profiles: %2</source>
        <translation>プロファイル「%1」はありません。登録済みのプロファイル：%2</translation>
    </message>
    <message>
        <source>No gateway or certificate: use --profile NAME or set KESSAI_URL, KESSAI_CA and KESSAI_P12.</source>
        <translation>接続先ゲートウェイまたは証明書が指定されていません。--profile NAME を指定するか、KESSAI_URL、KESSAI_CA、KESSAI_P12 を設定してください。</translation>
    </message>
    <message>
        <source>Certificate passphrase: </source>
        <translation>証明書のパスフレーズ：</translation>
    </message>
    <message>
        <source>Login ID: </source>
        <translation>ログインID：</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 のパスワード：</translation>
    </message>
    <message>
        <source>No login ID or password: set KESSAI_LOGIN_ID and KESSAI_PASSWORD, or run in a terminal.</source>
        <translation>ログインIDまたはパスワードが指定されていません。KESSAI_LOGIN_ID と KESSAI_PASSWORD を設定するか、端末から実行してください。</translation>
    </message>
    <message>
        <source>unknown status code: %1</source>
        <translation>不明な決済ステータスコードです：%1</translation>
    </message>
    <message>
        <source>unknown payment type: %1</source>
        <translation>不明な決済種別コードです：%1</translation>
    </message>
    <message>
        <source>--limit takes a positive number</source>
        <translation>--limit には正の整数を指定してください</translation>
    </message>
    <message>
        <source>Trading ID</source>
        <translation>取引ID</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>決済ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>決済種別</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>支払機関名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>決済ステータス</translation>
    </message>
    <message>
        <source>Trade time</source>
        <translation>取引日時</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>決済金額</translation>
    </message>
    <message>
        <source>%1 of %2 payments</source>
        <translation>%2件中 %1件</translation>
    </message>
    <message>
        <source>Profile saved by the console.</source>
        <translation>コンソールで保存したプロファイル。</translation>
    </message>
    <message>
        <source>Trading ID (exact, or prefix*).</source>
        <translation>取引ID（完全一致、または前方一致*）。</translation>
    </message>
    <message>
        <source>Status codes, comma separated (20,40).</source>
        <translation>決済ステータスコード（カンマ区切り、例：20,40）。</translation>
    </message>
    <message>
        <source>Payment types, comma separated (02,03).</source>
        <translation>決済種別コード（カンマ区切り、例：02,03）。</translation>
    </message>
    <message>
        <source>How many payments at most (default 100).</source>
        <translation>取得する最大件数（既定値：100）。</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>表の代わりに JSON で出力します。</translation>
    </message>
    <message>
        <source>No profile named &quot;%1&quot;, and no profiles are saved yet.</source>
        <translation>プロファイル「%1」はありません。保存済みのプロファイルもありません。</translation>
    </message>
    <message>
        <source>The gateway URL must start with https:// (got %1).</source>
        <translation>ゲートウェイのURLは https:// で始まる必要があります（指定値：%1）。</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>capture</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cannot open the journal in %1: %2</source>
        <translation>%1 の記録ファイルを開けません: %2</translation>
    </message>
    <message>
        <source>%1 may not %2 payments (no &quot;%3&quot; permission); nothing was sent.</source>
        <translation>%1 には決済を%2する権限（%3）がありません。何も送信していません。</translation>
    </message>
    <message>
        <source>Batch %1 is not in the journal.</source>
        <translation>一括処理 %1 は記録にありません。</translation>
    </message>
    <message>
        <source>%1 %2 of %3 payments, %4 elapsed%5</source>
        <translation>%1 %3件中%2件、経過 %4%5</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>・残り約 %1</translation>
    </message>
    <message>
        <source>The journal cannot be read: %1</source>
        <translation>記録ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>Batch %1 (%2 of %3 payments): %4 succeeded, %5 failed, %6 skipped.</source>
        <translation>一括処理 %1 (%3件中%2件): 成功 %4件、失敗 %5件、除外 %6件。</translation>
    </message>
    <message>
        <source>Interrupted: %1 Run the same command again, or kessaictl resume %2, to finish the batch; nothing will be done twice.</source>
        <translation>中断しました: %1 同じコマンドをもう一度実行するか、kessaictl resume %2 で続行してください。二重に処理されることはありません。</translation>
    </message>
    <message>
        <source>Stopped; kessaictl resume %1 finishes the batch.</source>
        <translation>中止しました。kessaictl resume %1 で続行できます。</translation>
    </message>
    <message>
        <source>The journal could not be written (%1); nothing more was sent. kessaictl resume %2 goes on once it can be.</source>
        <translation>記録ファイルに書き込めません (%1)。以降は送信していません。書き込めるようになったら kessaictl resume %2 で続行できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) in %1; nothing was sent.</source>
        <translation>
            <numerusform>%1 に%n件の誤りがあります。何も送信していません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Finishing batch %1, made from this file on %2 (%3 of %4 payments answered).</source>
        <translation>%2 にこのファイルから作成した一括処理 %1 を続行します（%4件中%3件処理済み）。</translation>
    </message>
    <message>
        <source>This file already ran as batch %1 on %2 (%3 succeeded, %4 failed); nothing was sent. Use --again to run it once more.</source>
        <translation>このファイルは %2 に一括処理 %1 として実行済みです（成功 %3件、失敗 %4件）。何も送信していません。もう一度実行するには --again を付けてください。</translation>
    </message>
    <message numerus="yes">
        <source>Note: %n other unfinished batch(es) of %1 in the journal; kessaictl resume finishes them.</source>
        <translation>
            <numerusform>注意: %1 の未完了の一括処理がほかに%n件あります。kessaictl resume で続行できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up 取引ID: %1 of %2</source>
        <translation>取引IDを照会中: %2件中%1件</translation>
    </message>
    <message>
        <source>Cannot write the journal: %1; nothing was sent.</source>
        <translation>記録ファイルに書き込めません: %1。何も送信していません。</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>一括処理</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>処理区分</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>unfinished (%1 of %2 chunks answered)</source>
        <translation>未完了（%2単位中%1単位処理済み）</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished batch(es)</source>
        <translation>
            <numerusform>未完了の一括処理 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>一括処理 %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1 is not an unfinished batch of %2 in this journal.</source>
        <translation>一括処理 %1 は、この記録にある %2 の未完了の一括処理ではありません。</translation>
    </message>
    <message>
        <source>Nothing to resume: no unfinished batch of %1.</source>
        <translation>続行するものはありません: %1 の未完了の一括処理はありません。</translation>
    </message>
    <message>
        <source>Resuming batch %1 (%2, %3).</source>
        <translation>一括処理 %1 を続行します（%2・%3）。</translation>
    </message>
    <message>
        <source>usage: kessaictl %1 --file FILE [--journal DIR] [--again]</source>
        <translation>使い方: kessaictl %1 --file ファイル [--journal フォルダー] [--again]</translation>
    </message>
    <message>
        <source>--file and --again belong to kessaictl capture and kessaictl cancel</source>
        <translation>--file と --again は kessaictl capture と kessaictl cancel のオプションです</translation>
    </message>
    <message>
        <source>--chunk-size takes a number from 1 to 1000</source>
        <translation>--chunk-size には1〜1000の数を指定してください</translation>
    </message>
    <message>
        <source>usage: kessaictl batches [--unfinished] [--journal DIR]</source>
        <translation>使い方: kessaictl batches [--unfinished] [--journal フォルダー]</translation>
    </message>
    <message>
        <source>usage: kessaictl resume [BATCH] [--journal DIR]</source>
        <translation>使い方: kessaictl resume [一括処理番号] [--journal フォルダー]</translation>
    </message>
    <message>
        <source>CSV file of payments to capture or cancel.</source>
        <translation>売上または取消する決済のCSVファイル。</translation>
    </message>
    <message>
        <source>Folder of the bulk journal (default %1).</source>
        <translation>一括処理の記録フォルダー（既定: %1）。</translation>
    </message>
    <message>
        <source>Only batches not finished yet.</source>
        <translation>未完了の一括処理だけ。</translation>
    </message>
    <message>
        <source>Run a file whose batch already finished once more.</source>
        <translation>実行済みのファイルをもう一度実行します。</translation>
    </message>
    <message>
        <source>Payments per request, 1 to 1000 (default 1000).</source>
        <translation>1回の依頼の件数、1〜1000（既定: 1000）。</translation>
    </message>
    <message>
        <source>unknown command; try: kessaictl --help</source>
        <translation>不明なコマンドです。kessaictl --help を参照してください</translation>
    </message>
    <message>
        <source>Statements paid out in this year.</source>
        <translation>この年に支払われた支払明細。</translation>
    </message>
    <message>
        <source>The statement&apos;s ID (see statements list).</source>
        <translation>支払明細のID（statements list で確認できます）。</translation>
    </message>
    <message>
        <source>Export the statement&apos;s lines instead of its summary.</source>
        <translation>集計ではなく明細行を出力します。</translation>
    </message>
    <message>
        <source>CSV encoding: utf8-bom (default), utf8 or cp932.</source>
        <translation>CSVの文字コード: utf8-bom（既定）、utf8、cp932。</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>出力するファイル。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>対象期間</translation>
    </message>
    <message>
        <source>Payout date</source>
        <translation>支払日</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fees and tax</source>
        <translation>手数料・消費税</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>振込手数料</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>次回繰越</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>お支払額</translation>
    </message>
    <message>
        <source>%1 statements</source>
        <translation>支払明細 %1件</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1行を %2 に出力しました</translation>
    </message>
    <message>
        <source>the gateway&apos;s answer is not a statement</source>
        <translation>ゲートウェイの応答が支払明細ではありません</translation>
    </message>
    <message>
        <source>--year takes a year such as 2026</source>
        <translation>--year には 2026 のような年を指定してください</translation>
    </message>
    <message>
        <source>--format takes csv or xlsx</source>
        <translation>--format には csv または xlsx を指定してください</translation>
    </message>
    <message>
        <source>--encoding takes utf8-bom, utf8 or cp932</source>
        <translation>--encoding には utf8-bom、utf8、cp932 のいずれかを指定してください</translation>
    </message>
    <message>
        <source>this kessaictl cannot write .xlsx files</source>
        <translation>この kessaictl は .xlsx ファイルを出力できません</translation>
    </message>
    <message>
        <source>The order ledger to reconcile (CSV).</source>
        <translation>照合する受注台帳（CSV）。</translation>
    </message>
    <message>
        <source>The statement to reconcile against.</source>
        <translation>照合する支払明細。</translation>
    </message>
    <message>
        <source>%1: the header does not name the trading ID and amount columns (取引ID/注文番号/order_id, 金額/合計金額/amount); rename them, or reconcile once in the console to choose them</source>
        <translation>%1: 見出しに取引IDと金額の列（取引ID/注文番号/order_id、金額/合計金額/amount）がありません。列名を変えるか、一度コンソールで照合して列を選んでください</translation>
    </message>
    <message>
        <source>First cleared date (Japan time) to reconcile against.</source>
        <translation>照合する入金・売上確定日の開始日（日本時間）。</translation>
    </message>
    <message>
        <source>Last cleared date (Japan time) to reconcile against.</source>
        <translation>照合する入金・売上確定日の終了日（日本時間）。</translation>
    </message>
    <message>
        <source>usage: kessaictl reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE</source>
        <translation>使い方: kessaictl reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE</translation>
    </message>
    <message>
        <source>Column names in English whatever the language.</source>
        <translation>表示言語にかかわらず列名を英語にします。</translation>
    </message>
    <message>
        <source>--limit and --json belong to payments list; payments export writes every payment</source>
        <translation>--limit と --json は payments list 用です。payments export は該当する決済をすべて出力します</translation>
    </message>
    <message>
        <source>csv, xlsx, or pdf for a statement (default: from --out&apos;s extension).</source>
        <translation>csv、xlsx、または支払明細なら pdf（省略時は --out の拡張子から）。</translation>
    </message>
    <message>
        <source>payments export writes csv or xlsx; a PDF is made of a statement (statement export)</source>
        <translation>payments export の出力は csv か xlsx です。PDF は支払明細から作成します（statement export）</translation>
    </message>
    <message>
        <source>%1: the PDF could not be written (%2); no file was written</source>
        <translation>%1: PDF を書き込めませんでした（%2）。ファイルは作成されていません</translation>
    </message>
    <message>
        <source>statement %1 written to %2</source>
        <translation>支払明細 %1 を %2 に出力しました</translation>
    </message>
    <message>
        <source>the PDF is the statement itself; export its --lines as csv or xlsx</source>
        <translation>PDF は支払明細書そのものです。明細行（--lines）は csv か xlsx で出力してください</translation>
    </message>
    <message>
        <source>--encoding belongs to CSV files, not to the PDF</source>
        <translation>--encoding は CSV ファイル用です。PDF には指定できません</translation>
    </message>
    <message>
        <source>--columns: no column &quot;%1&quot;; the columns are: %2</source>
        <translation>--columns: 列「%1」はありません。列は次のとおりです: %2</translation>
    </message>
    <message>
        <source>--columns: the column &quot;%1&quot; is named twice</source>
        <translation>--columns: 列「%1」が2回指定されています</translation>
    </message>
    <message>
        <source>--columns needs at least one column</source>
        <translation>--columns には列を1つ以上指定してください</translation>
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
        <translation>Kessai のコマンドライン版です。

コマンド:
  payments list          決済を検索します
  payments export [--format csv|xlsx]
                  [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE
                         検索条件（payments list と同じ）に合う決済を
                         すべてファイルに出力します
  capture --file FILE    CSVファイルの決済をすべて売上確定します
  cancel --file FILE     CSVファイルの決済をすべて取消します
  batches [--unfinished] 記録にある一括処理を表示します
  resume [BATCH]         未完了の一括処理を続行します
  statements list [--year Y]
                         支払明細の一覧を表示します
  statement export --id ID [--lines] [--format csv|xlsx|pdf]
                   [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE
                         支払明細（または明細行）をファイルに出力します
                         pdf: コンソールで印刷するのと同じ支払明細書
  reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE
                         消込: 受注台帳を支払明細、または期間内に
                         入金・売上確定した決済と照合します
                         すべて一致なら終了コード 0、それ以外は 1

接続: --profile 名前、または KESSAI_URL、KESSAI_CA、KESSAI_P12、KESSAI_P12_PASSPHRASE、KESSAI_LOGIN_ID、KESSAI_PASSWORD。
終了コード: 0 完了、1 一部の明細が失敗、2 使い方またはファイルの誤り、3 接続/TLS、4 認証/権限。</translation>
    </message>
    <message>
        <source>The file&apos;s columns in this order: numbers or names, comma separated (trading_id,amount or 1,9).</source>
        <translation>出力する列とその順序。番号か列名をカンマ区切りで指定します（trading_id,amount や 1,9）。</translation>
    </message>
    <message>
        <source>usage: kessaictl payments export [--trading-id ID] [--status CODES] [--type CODES] [--format csv|xlsx] [--encoding utf8-bom|utf8|cp932] [--columns LIST] [--english-header] --out FILE</source>
        <translation>使い方: kessaictl payments export [--trading-id ID] [--status CODES] [--type CODES] [--format csv|xlsx] [--encoding utf8-bom|utf8|cp932] [--columns LIST] [--english-header] --out FILE</translation>
    </message>
    <message>
        <source>--columns and --english-header belong to the exports</source>
        <translation>--columns と --english-header はファイル出力用です</translation>
    </message>
    <message>
        <source>usage: kessaictl statement export --id ID [--lines] [--format csv|xlsx|pdf] [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE</source>
        <translation>使い方: kessaictl statement export --id ID [--lines] [--format csv|xlsx|pdf] [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE</translation>
    </message>
    <message>
        <source>--columns and --english-header belong to csv and xlsx files, not to the PDF</source>
        <translation>--columns と --english-header は csv と xlsx 用です。PDF には指定できません</translation>
    </message>
    <message>
        <source>%1: a PDF needs the format given as --format pdf or a .pdf file name</source>
        <translation>%1: PDF を出力するには --format pdf か .pdf のファイル名を指定してください</translation>
    </message>
</context>
</TS>
