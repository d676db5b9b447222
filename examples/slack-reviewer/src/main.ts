// Reviewers decide in Slack. With SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_CHANNEL set,
// the reviewer posts to your workspace and waits for your click (PORT, default 3000, serves
// /slack/interactions). Without them it runs against a fake Slack whose people click: what CI runs.
import { runWithFakeSlack } from './fake-slack-session.ts'
import { runInWorkspace } from './workspace-session.ts'

const { SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: signingSecret, SLACK_CHANNEL: channel } = process.env

if (token && signingSecret && channel) {
  await runInWorkspace({ token, signingSecret, channel, port: Number(process.env['PORT'] ?? 3000) })
} else {
  // Stop rather than hang if something never arrives.
  setTimeout(() => {
    console.error('The walkthrough did not finish within 30 s.')
    process.exit(1)
  }, 30_000).unref()
  await runWithFakeSlack()
}
