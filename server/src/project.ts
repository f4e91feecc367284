// Where the project lives on the web: SARIF logs link the tool and each rule's
// documentation page here (the same pages `npm run docs` writes to docs/rules/).
export const PROJECT_URL = 'https://github.com/pythonic-dev/pythonic';

export function ruleDocsUrl(code: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${code}.md`;
}
