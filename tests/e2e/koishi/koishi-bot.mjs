// A real Koishi bot for OneBotBridge's end-to-end test.
//
//   node koishi-bot.mjs ws <endpoint> <selfId> [token]   Koishi dials our forward WebSocket.
//   node koishi-bot.mjs ws-reverse <port> <selfId>       Koishi listens on <port> (or the next free
//                                                        one) at /onebot; we dial it.
//
// One line per milestone on stdout, read by the NUnit test:
//   LISTENING <port>   (ws-reverse) the server accepts connections
//   ONLINE <selfId>    get_login_info was answered and the bot came online
//   MESSAGE <text>     a message event arrived
//   SENT <ids>         the reply was accepted (send_*_msg answered with a message_id)
//   ERROR <text>       something failed
import { createRequire } from 'node:module'

// Koishi 4.18's ESM entry fails to load (@koishijs/loader's .mjs build); its CommonJS build works.
const require = createRequire(import.meta.url)
const { Context, Universal } = require('koishi')
const { HTTP } = require('@koishijs/plugin-http')
const Server = require('@koishijs/plugin-server').default
const OneBot = require('koishi-plugin-adapter-onebot').default

const [mode, target, selfId, token] = process.argv.slice(2)
if (!['ws', 'ws-reverse'].includes(mode) || !target || !selfId) {
  console.log('ERROR usage: koishi-bot.mjs ws <endpoint> <selfId> [token] | ws-reverse <port> <selfId>')
  process.exit(2)
}

const say = (line) => console.log(line)
const ctx = new Context()
ctx.plugin(HTTP)

if (mode === 'ws-reverse') {
  const port = Number(target)
  ctx.plugin(Server, { host: '127.0.0.1', port, maxPort: port + 200 })
  ctx.inject(['server'], (ctx) => {
    ctx.on('server/ready', () => say(`LISTENING ${ctx.server.port}`))
  })
  ctx.plugin(OneBot, { protocol: 'ws-reverse', path: '/onebot', selfId })
} else {
  ctx.plugin(OneBot, { protocol: 'ws', endpoint: target, selfId, token, retryInterval: 500 })
}

ctx.on('bot-status-updated', (bot) => {
  if (bot.status === Universal.Status.ONLINE) say(`ONLINE ${bot.selfId}`)
})

ctx.on('message', async (session) => {
  say(`MESSAGE ${session.content}`)
  try {
    const ids = await session.send(`echo: ${session.content}`)
    say(`SENT ${ids.join(',')}`)
  } catch (error) {
    say(`ERROR send failed: ${error?.message ?? error}`)
  }
})

process.on('unhandledRejection', (error) => say(`ERROR ${error?.message ?? error}`))
await ctx.start()
