/**
 * The words of the sign-in page, in both languages. The page is drawn before react-admin (and
 * its message catalogue) loads, so it owns these words; zh.ts/en.ts take app.title and
 * app.login_subtitle from here.
 */
export const LOGIN_WORDS = {
    'zh-CN': {
        title: '营业部运营管理平台',
        subtitle: '请使用柜员账号登录',
        username: '用户名',
        password: '密码',
        sign_in: '登录',
        signing_in: '正在登录…',
        required: '必填',
        failed: '登录失败，请稍后再试',
        language: '语言',
    },
    en: {
        title: 'Branch Operations Console',
        subtitle: 'Sign in with your operator account',
        username: 'Username',
        password: 'Password',
        sign_in: 'Sign in',
        signing_in: 'Signing in…',
        required: 'Required',
        failed: 'Sign-in failed, please try again',
        language: 'Language',
    },
} as const;
