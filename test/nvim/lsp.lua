-- Neovim (0.7 API) as a second LSP client: starts `pythonic server --stdio`, opens a
-- Python file, waits for the diagnostics to arrive and asks for hovers. It writes
-- what it saw as JSON for test/nvim/nvim.test.ts to check, then quits.
-- Environment: PYTHONIC_SERVER_CMD (JSON array), PYTHONIC_FILE, PYTHONIC_HOVERS
-- (JSON array of {line, character}, 0-based), PYTHONIC_RESULTS (output path).
local results = { diagnostics = {}, hovers = {}, errors = {} }

local function write_results()
  local out = assert(io.open(os.getenv('PYTHONIC_RESULTS'), 'w'))
  out:write(vim.fn.json_encode(results))
  out:close()
end

local function run()
  local file = os.getenv('PYTHONIC_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo[bufnr].filetype

  local client_id = vim.lsp.start_client({
    name = 'pythonic',
    cmd = vim.fn.json_decode(os.getenv('PYTHONIC_SERVER_CMD')),
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code, signal)
      results.server_exit = { code = code, signal = signal }
    end,
  })
  assert(client_id, 'the server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  results.diagnostics_arrived = vim.wait(30000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(results.diagnostics, {
      line = d.lnum,
      character = d.col,
      end_character = d.end_col,
      severity = d.severity,
      source = d.source,
      code = d.code or lsp.code,
      message = d.message,
    })
  end

  for _, position in ipairs(vim.fn.json_decode(os.getenv('PYTHONIC_HOVERS'))) do
    local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position }
    local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
    local text = vim.NIL
    for _, response in pairs(responses or {}) do
      if response.error then table.insert(results.errors, response.error.message) end
      local contents = response.result and response.result.contents
      if contents then text = type(contents) == 'table' and (contents.value or vim.fn.json_encode(contents)) or contents end
    end
    if err then table.insert(results.errors, err) end
    table.insert(results.hovers, { position = position, text = text })
  end

  vim.lsp.stop_client(client_id)
  results.server_stopped = vim.wait(10000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 50)
end

local ok, err = pcall(run)
if not ok then table.insert(results.errors, tostring(err)) end
write_results()
vim.cmd(ok and 'qall!' or 'cquit! 1')
