// The training screens: sessions, enrolment, the classroom sign-in screen and attendance rates.
import './training.css';

export { TrainingListScreen } from './TrainingListScreen';
export { SessionScreen } from './SessionScreen';
export { SignInScreen } from './SignInScreen';
